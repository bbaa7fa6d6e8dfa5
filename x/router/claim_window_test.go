package router_test

import (
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
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
	n.NextBlock(time.Minute)
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
