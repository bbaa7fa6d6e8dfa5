package adversarial

import (
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// escrowInvariantUnderRandomMessages delivers a long seeded sequence of
// messages of every Hyra kind, well-formed and not, from every role
// (including authz MsgExec and bank sends at the escrow account), with
// blocks in between, and checks after each one that the escrow account
// holds exactly the OPEN and CLAIMED escrows.
func escrowInvariantUnderRandomMessages(t *testing.T) {
	t.Helper()
	f := newFixture(t)
	f.grant(f.worker, f.grantee, &tptypes.MsgClaimTask{})
	f.grant(f.worker, f.grantee, &tptypes.MsgSubmitResult{})
	r := rand.New(rand.NewSource(7))
	accepted := map[string]int{}
	for step := 0; step < 400; step++ {
		msg := randomMessage(f, r)
		if _, err := f.Deliver(msg); err == nil {
			accepted[sdk.MsgTypeURL(msg)]++
		}
		f.requireEscrowInvariant(f.Ctx)
		if r.Intn(8) == 0 {
			f.NextBlock(time.Duration(1+r.Intn(120)) * time.Second)
			f.requireEscrowInvariant(f.Ctx)
		}
	}
	t.Logf("accepted: %v", accepted)
	stats, err := f.tp.GetStats(f.Ctx)
	require.NoError(t, err)
	require.Positive(t, stats.CompletedTasks, "the sequence completed no task: it tests too little")
	require.Positive(t, accepted[sdk.MsgTypeURL(&tptypes.MsgCancelTask{})], "no task was cancelled")
}

// randomMessage is a random message from a random role, about a random
// recent task: half the time from the role the task expects (its creator,
// its worker), so that tasks move through every state.
func randomMessage(f *fixture, r *rand.Rand) sdk.Msg {
	roles := []sdk.AccAddress{f.user, f.worker, f.worker2, f.grantee, f.owner}
	who := roles[r.Intn(len(roles))]
	worker := []sdk.AccAddress{f.worker, f.worker2}[r.Intn(2)]
	id := f.lastTaskID() - uint64(r.Intn(4))
	if task, err := f.tp.GetTask(f.Ctx, id); err == nil && r.Intn(2) == 0 {
		who = sdk.MustAccAddressFromBech32(task.Creator)
		if task.Worker != "" {
			worker = sdk.MustAccAddressFromBech32(task.Worker)
		}
	}
	input := vector.Encode(f.input)
	reward := sdk.NewInt64Coin("uhyra", int64(800_000+r.Intn(2_000_000)))
	deadline := f.Ctx.BlockTime().Add(time.Duration(50+r.Intn(600)) * time.Second)
	switch r.Intn(14) {
	case 0, 1:
		return &tptypes.MsgSubmitTask{Creator: who.String(), PoolId: f.poolID, Input: input, Reward: reward, Deadline: deadline}
	case 2:
		return &routertypes.MsgRouteTask{Creator: who.String(), ModelId: f.modelID, Input: input, Reward: reward, Deadline: deadline}
	case 3:
		return &tptypes.MsgCancelTask{Creator: who.String(), TaskId: id}
	case 4, 5:
		return &tptypes.MsgClaimTask{Worker: worker.String(), PoolId: f.poolID, TaskId: id}
	case 6:
		return &routertypes.MsgClaimBest{Worker: worker.String()}
	case 7, 8:
		return f.result(worker, id, f.Ctx.ChainID(), worker)
	case 9:
		msg := f.result(worker, id, f.Ctx.ChainID(), []sdk.AccAddress{f.worker, f.worker2}[r.Intn(2)])
		msg.TaskId = id - uint64(r.Intn(2))
		return msg
	case 10:
		return exec(f.grantee, f.result(f.worker, id, f.Ctx.ChainID(), f.worker))
	case 11:
		return banktypes.NewMsgSend(who, f.escrow, sdk.NewCoins(reward))
	case 12:
		return []sdk.Msg{
			&rewardstypes.MsgUnbond{Worker: worker.String(), Amount: hyra(int64(1 + r.Intn(15)))},
			&rewardstypes.MsgBond{Worker: worker.String(), Amount: hyra(int64(1 + r.Intn(15)))},
			&tptypes.MsgDeactivateWorker{Worker: worker.String()},
			&tptypes.MsgRegisterWorker{Worker: worker.String()},
		}[r.Intn(4)]
	default:
		return []sdk.Msg{
			&tptypes.MsgSetPoolActive{Creator: who.String(), PoolId: f.poolID, Active: r.Intn(2) == 0},
			&mrtypes.MsgSetModelActive{Owner: who.String(), Id: f.modelID, Active: r.Intn(2) == 0},
			&mrtypes.MsgUpdateModelPrice{Owner: who.String(), Id: f.modelID, Price: sdk.NewInt64Coin("uhyra", int64(1+r.Intn(1_500_000)))},
			&tptypes.MsgUpdateParams{Authority: who.String(), Params: tptypes.DefaultParams()},
		}[r.Intn(4)]
	}
}
