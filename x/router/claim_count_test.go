package router_test

import (
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// newCountNet is newNet with max_active_tasks raised to limit and tasks
// routed with rewards of 1 to tasks HYRA, in that order (so task i pays i).
func newCountNet(t *testing.T, limit uint32, tasks int) *net {
	t.Helper()
	n := newNet(t)
	params, err := n.taskpool.GetParams(n.Ctx)
	require.NoError(t, err)
	params.MaxActiveTasks = limit
	require.NoError(t, n.taskpool.Params.Set(n.Ctx, params))
	for i := range tasks {
		n.route(hyra(int64(i + 1)))
	}
	n.NextBlock(time.Second)
	return n
}

// claimCount delivers a ClaimBest of count tasks by worker and returns the
// response and the gas the message used.
func (n *net) claimCount(worker sdk.AccAddress, count uint32) (types.MsgClaimBestResponse, uint64, error) {
	n.T.Helper()
	n.Ctx = n.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	msg := &types.MsgClaimBest{Worker: worker.String(), ModelId: 1, Count: count}
	if err := msg.ValidateBasic(); err != nil {
		return types.MsgClaimBestResponse{}, 0, err
	}
	res, err := n.Deliver(msg)
	gas := n.Ctx.GasMeter().GasConsumed()
	if err != nil {
		return types.MsgClaimBestResponse{}, gas, err
	}
	var out types.MsgClaimBestResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out, gas, nil
}

// TestClaimBestCount: a count claims the best tasks in order, up to the
// worker's max_active_tasks or what is claimable, and fails only when it
// claims nothing; 0 means 1.
func TestClaimBestCount(t *testing.T) {
	n := newCountNet(t, 3, 5)

	got, _, err := n.claimCount(n.worker, 2)
	require.NoError(t, err)
	require.Equal(t, []uint64{5, 4}, got.TaskIds, "best first")
	require.Equal(t, uint64(5), got.TaskId, "the first, as before counts")
	require.Equal(t, hyra(5), got.Reward)

	got, _, err = n.claimCount(n.worker, 100)
	require.NoError(t, err)
	require.Equal(t, []uint64{3}, got.TaskIds, "the worker reached max_active_tasks (3)")
	_, _, err = n.claimCount(n.worker, 2)
	require.ErrorIs(t, err, tptypes.ErrTooManyTasks)

	got, _, err = n.claimCount(n.worker2, 0)
	require.NoError(t, err)
	require.Equal(t, []uint64{2}, got.TaskIds, "0 claims one")
	got, _, err = n.claimCount(n.worker2, 3)
	require.NoError(t, err)
	require.Equal(t, []uint64{1}, got.TaskIds, "only one task was left")
	_, _, err = n.claimCount(n.worker2, 1)
	require.ErrorIs(t, err, types.ErrNoTaskAvailable)

	w, err := n.taskpool.GetWorker(n.Ctx, n.worker)
	require.NoError(t, err)
	require.Equal(t, []uint64{5, 4, 3}, w.ActiveTaskIds)

	_, _, err = n.claimCount(n.worker, types.MaxClaimCount+1)
	require.ErrorIs(t, err, types.ErrInvalidFilter)
}

// TestClaimBestCountSameAsOneByOne: on two chains built alike, one
// ClaimBest of count 3 and three ClaimBests of one claim the same tasks,
// leave the same state, emit the same events and use the same gas; the
// attempt that stops a count early (nothing left) is paid for too, as the
// failed claim it is.
func TestClaimBestCountSameAsOneByOne(t *testing.T) {
	batched := newCountNet(t, 4, 3)
	alone := newCountNet(t, 4, 3)

	batched.Ctx = batched.Ctx.WithEventManager(sdk.NewEventManager())
	got, batchGas, err := batched.claimCount(batched.worker, 3)
	require.NoError(t, err)
	require.Equal(t, []uint64{3, 2, 1}, got.TaskIds)

	alone.Ctx = alone.Ctx.WithEventManager(sdk.NewEventManager())
	var aloneGas uint64
	for _, want := range []uint64{3, 2, 1} {
		one, gas, err := alone.claimCount(alone.worker, 1)
		require.NoError(t, err)
		require.Equal(t, []uint64{want}, one.TaskIds)
		aloneGas += gas
	}
	require.Equal(t, aloneGas, batchGas)
	require.Equal(t, alone.Ctx.EventManager().Events(), batched.Ctx.EventManager().Events())
	for id := uint64(1); id <= 3; id++ {
		a, err := alone.taskpool.GetTask(alone.Ctx, id)
		require.NoError(t, err)
		b, err := batched.taskpool.GetTask(batched.Ctx, id)
		require.NoError(t, err)
		require.Equal(t, a, b)
	}

	// A count beyond what is claimable costs what the failed claim costs alone.
	more := newCountNet(t, 4, 3)
	_, moreGas, err := more.claimCount(more.worker, 4)
	require.NoError(t, err)
	_, failedGas, err := alone.claimCount(alone.worker, 1)
	require.ErrorIs(t, err, types.ErrNoTaskAvailable)
	require.Equal(t, batchGas+failedGas, moreGas)
}
