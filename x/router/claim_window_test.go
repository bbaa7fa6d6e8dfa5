package router_test

import (
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestNoFreeGriefingOfWorkers is the regression test of a client making any
// worker lose bond and reputation for free: it posts the best-paid task with
// its deadline a moment away. ClaimBest used to hand that task out with a
// claim cut to the deadline, which lapsed before the worker could submit: the
// worker lost 1% of its bond and 10 reputation, the client got a full refund.
// Now no claim is made with less than the pool's claim timeout left, and the
// worker gets the honest task instead.
func TestNoFreeGriefingOfWorkers(t *testing.T) {
	n := newNet(t)
	pool := n.createPool("iris", 0) // one-minute claim timeout
	honest := n.submit(pool, hyra(2))
	res := n.deliver(&tptypes.MsgSubmitTask{
		Creator: n.user.String(), PoolId: pool, Input: n.input, Reward: hyra(50), Deadline: n.Ctx.BlockTime().Add(61 * time.Second),
	})
	var bait tptypes.MsgSubmitTaskResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &bait))
	n.NextBlock(2 * time.Second) // the bait has 59s left, below the claim timeout
	bondBefore, repBefore := n.bondAndReputation(n.worker)

	got, err := n.claimBest(n.worker, 0)
	require.NoError(t, err)
	require.Equal(t, honest, got.TaskId, "the best-paid task cannot be completed in time: it is not handed out")
	_, err = n.Deliver(&tptypes.MsgClaimTask{Worker: n.worker2.String(), PoolId: pool, TaskId: bait.TaskId})
	require.ErrorIs(t, err, tptypes.ErrClaimWindowClosed)
	_, err = n.Deliver(&tptypes.MsgClaimTask{Worker: n.worker2.String(), PoolId: pool})
	require.ErrorIs(t, err, tptypes.ErrNoOpenTask)

	// The worker completes the honest task; the bait expires and is refunded.
	output, proof := n.prove(n.Ctx.ChainID(), honest, n.worker, zktest.IrisInputs(t)[0])
	n.deliver(&tptypes.MsgSubmitResult{Worker: n.worker.String(), TaskId: honest, Output: output, Proof: proof})
	n.NextBlock(time.Minute)
	n.NextBlock(time.Second)
	task, err := n.taskpool.GetTask(n.Ctx, bait.TaskId)
	require.NoError(t, err)
	require.Equal(t, tptypes.TASK_STATUS_EXPIRED, task.Status)
	for _, w := range []sdk.AccAddress{n.worker, n.worker2} {
		bond, rep := n.bondAndReputation(w)
		require.Equal(t, bondBefore, bond, "no bond lost")
		require.GreaterOrEqual(t, rep, repBefore, "no reputation lost")
	}
}

// TestReleaseCostsLessThanALapse gives one claim back and lets another lapse,
// on the real x/rewards: releasing costs release_reputation_loss and no bond,
// lapsing costs reputation_loss and timeout_slash_bps of the bond.
func TestReleaseCostsLessThanALapse(t *testing.T) {
	n := newNet(t)
	pool := n.createPool("iris", 0)
	released, lapsed := n.submit(pool, hyra(2)), n.submit(pool, hyra(2))
	bondBefore, repBefore := n.bondAndReputation(n.worker)
	n.deliver(&tptypes.MsgClaimTask{Worker: n.worker.String(), PoolId: pool, TaskId: released})
	n.deliver(&tptypes.MsgClaimTask{Worker: n.worker2.String(), PoolId: pool, TaskId: lapsed})

	res := n.deliver(&tptypes.MsgReleaseClaim{Worker: n.worker.String(), TaskId: released})
	var out tptypes.MsgReleaseClaimResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	task, err := n.taskpool.GetTask(n.Ctx, released)
	require.NoError(t, err)
	require.Equal(t, tptypes.TASK_STATUS_OPEN, task.Status, "back in the pool at once")
	n.RunFor(time.Minute)
	n.NextBlock(time.Second)
	task, err = n.taskpool.GetTask(n.Ctx, lapsed)
	require.NoError(t, err)
	require.Equal(t, tptypes.TASK_STATUS_OPEN, task.Status, "the claim lapsed")

	releaseBond, releaseRep := n.bondAndReputation(n.worker)
	lapseBond, lapseRep := n.bondAndReputation(n.worker2)
	require.Equal(t, releaseRep, out.Reputation)
	require.Equal(t, repBefore-rewardstypes.DefaultReleaseReputationLoss, releaseRep)
	require.Equal(t, bondBefore, releaseBond, "a release slashes nothing")
	require.Equal(t, repBefore-rewardstypes.DefaultReputationLoss, lapseRep)
	require.True(t, lapseBond.IsLT(bondBefore), "a lapse slashes the bond")
	require.Greater(t, releaseRep, lapseRep, "releasing is cheaper than lapsing")
}

// bondAndReputation returns a worker's bonded amount and reputation.
func (n *net) bondAndReputation(w sdk.AccAddress) (sdk.Coin, int64) {
	n.T.Helper()
	bond, err := n.rewards.GetBond(n.Ctx, w)
	require.NoError(n.T, err)
	rep, err := n.rewards.Reputation(n.Ctx, w)
	require.NoError(n.T, err)
	return bond.Bonded, rep
}

// TestClaimBestHonoursConstraints checks that ClaimBest claims only within
// the model versions and the window the worker asks for, and refuses
// constraints that contradict themselves or are too long to search.
func TestClaimBestHonoursConstraints(t *testing.T) {
	n := newNet(t)
	pool := n.createPool("iris", 0) // one-minute claim timeout
	id := n.submit(pool, hyra(2))
	versions := func(v ...uint64) []types.ServedModel { return []types.ServedModel{{ModelId: 1, Versions: v}} }
	tests := []struct {
		name    string
		msg     types.MsgClaimBest
		wantErr string
	}{
		{name: "error - a version the model's tasks do not have", msg: types.MsgClaimBest{Models: versions(2)}, wantErr: "for model 1 versions [2] at reputation 100: no open task available"},
		{name: "error - a window longer than the pool's claim timeout", msg: types.MsgClaimBest{ModelId: 1, MinWindow: 2 * time.Minute}, wantErr: "with a claim timeout of at least 2m0s"},
		{name: "error - model_id and models", msg: types.MsgClaimBest{ModelId: 1, Models: versions(1)}, wantErr: "set model_id or models, not both"},
		{name: "error - model 0", msg: types.MsgClaimBest{Models: []types.ServedModel{{ModelId: 0}}}, wantErr: "model id 0"},
		{name: "error - a model twice", msg: types.MsgClaimBest{Models: []types.ServedModel{{ModelId: 1}, {ModelId: 1}}}, wantErr: "model 1 is listed twice"},
		{name: "error - a version twice", msg: types.MsgClaimBest{Models: versions(1, 1)}, wantErr: "version 1 is 0 or listed twice"},
		{name: "error - version 0", msg: types.MsgClaimBest{Models: versions(0)}, wantErr: "version 0 is 0 or listed twice"},
		{name: "error - too many versions", msg: types.MsgClaimBest{Models: versions(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)}, wantErr: "17 model versions listed, the limit is 16"},
		{name: "error - a negative window", msg: types.MsgClaimBest{MinWindow: -time.Second}, wantErr: "min_window -1s is negative"},
		{name: "success - the version of the model's tasks, the pool's window", msg: types.MsgClaimBest{Models: versions(1, 2), MinWindow: time.Minute}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := tc.msg
			msg.Worker = n.worker.String()
			res, err := n.Deliver(&msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			var out types.MsgClaimBestResponse
			require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
			require.Equal(t, id, out.TaskId)
		})
	}
}
