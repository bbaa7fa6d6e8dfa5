package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// halted is a fixture on a live chain with a worker holding a one-minute
// claim made in the last block before the chain halted (as a claim committed
// in the first block after a halt is: CometBFT dates that block from the
// votes for the block before the halt), on a task due in deadline.
func halted(t *testing.T, deadline time.Duration) (f *fixture, taskID uint64, claimedAt time.Time) {
	t.Helper()
	f = newFixture(t)
	f.run(10 * time.Second) // a live chain: the clock knows the last block
	poolID := f.createPool()
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: poolID, Input: f.irisInput(), Reward: coin(price),
		Deadline: f.ctx.BlockTime().Add(deadline),
	})
	require.NoError(t, err)
	f.readyWorker(f.worker)
	f.claim(f.worker, poolID, res.TaskId)
	return f, res.TaskId, f.ctx.BlockTime()
}

// TestChainHaltDoesNotLapseClaims reproduces a chain halt longer than the
// claim timeout: the next block's time jumps by the outage. The claim must
// not lapse for it (on block time alone it did, and the worker was slashed):
// only max_block_gap of the gap counts against the claim.
func TestChainHaltDoesNotLapseClaims(t *testing.T) {
	const outage = 10 * time.Minute
	gap := types.DefaultMaxBlockGap

	t.Run("success - the first block after the halt extends the claim", func(t *testing.T) {
		f, id, claimedAt := halted(t, time.Hour)
		f.advance(outage)
		task := f.task(id)
		require.Equal(t, types.TASK_STATUS_CLAIMED, task.Status)
		require.Equal(t, f.str(f.worker), task.Worker)
		require.Empty(t, f.rewards.Penalties, "no worker pays for an outage")
		want := claimedAt.Add(time.Minute + outage - gap)
		require.Equal(t, want, task.ClaimExpiry, "the task shows the claim's real expiry")
		has, err := f.k.ClaimQueue.Has(f.ctx, collections.Join(want.UnixNano(), id))
		require.NoError(t, err)
		require.True(t, has, "the claim is queued at its real expiry")

		// The worker submits in the next block and is paid.
		f.advance(time.Second)
		out, proof := f.proveTask(id, f.worker)
		_, err = f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: out, Proof: proof})
		require.NoError(t, err)
		require.Equal(t, types.TASK_STATUS_COMPLETED, f.task(id).Status)
	})

	t.Run("success - a result in the first block after the halt, before its EndBlock", func(t *testing.T) {
		f, id, _ := halted(t, time.Hour)
		f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(outage)).WithBlockHeight(f.ctx.BlockHeight() + 1)
		out, proof := f.proveTask(id, f.worker)
		_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: out, Proof: proof})
		require.NoError(t, err)
		require.Equal(t, types.TASK_STATUS_COMPLETED, f.task(id).Status)
	})

	t.Run("success - the claim still lapses after its timeout of live chain", func(t *testing.T) {
		f, id, _ := halted(t, time.Hour)
		f.advance(outage) // counts as max_block_gap
		f.run(time.Minute - gap - time.Second)
		require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)
		out, proof := f.proveTask(id, f.worker)
		f.run(time.Second)
		require.Equal(t, types.TASK_STATUS_OPEN, f.task(id).Status)
		require.Equal(t, []uint64{id}, f.rewards.Penalties)
		_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: out, Proof: proof})
		require.ErrorIs(t, err, types.ErrWrongStatus)
	})

	t.Run("success - a result after the extended expiry is refused before EndBlock", func(t *testing.T) {
		f, id, claimedAt := halted(t, time.Hour)
		f.advance(outage)
		f.run(time.Minute - gap - time.Second)
		f.ctx = f.ctx.WithBlockTime(claimedAt.Add(time.Minute + outage - gap)).WithBlockHeight(f.ctx.BlockHeight() + 1)
		out, proof := f.proveTask(id, f.worker)
		_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: out, Proof: proof})
		require.ErrorIs(t, err, types.ErrClaimExpired)
	})

	t.Run("success - an extension is capped at the deadline, which ends the claim", func(t *testing.T) {
		f, id, _ := halted(t, 5*time.Minute)
		deadline := f.task(id).Deadline
		creatorBefore := f.balance(f.creator)
		f.advance(4*time.Minute + 30*time.Second)
		task := f.task(id)
		require.Equal(t, types.TASK_STATUS_CLAIMED, task.Status)
		require.Equal(t, deadline, task.ClaimExpiry)
		f.run(30 * time.Second)
		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(id).Status)
		require.Equal(t, creatorBefore+price, f.balance(f.creator), "the client is refunded")
		require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
		require.Empty(t, f.rewards.Penalties, "the deadline, not the worker, ended the claim")
	})

	t.Run("success - a halt past the deadline expires the task", func(t *testing.T) {
		f, id, _ := halted(t, 5*time.Minute)
		creatorBefore := f.balance(f.creator)
		f.advance(outage)
		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(id).Status)
		require.Equal(t, creatorBefore+price, f.balance(f.creator), "the client is refunded")
		require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
		require.Empty(t, f.rewards.Penalties, "the deadline, not the worker, ended the claim")
	})
}

// TestOutageClockSurvivesExport exports a claim that a halt extended before
// its expiry came due, and checks that the imported chain keeps the
// extension: the claim lapses after the same live time on both.
func TestOutageClockSurvivesExport(t *testing.T) {
	f := newFixture(t)
	f.run(10 * time.Second)
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "slow", ModelId: irisID, ClaimTimeout: 10 * time.Minute,
	})
	require.NoError(t, err)
	id := f.submitTask(res.PoolId, price)
	f.readyWorker(f.worker)
	f.claim(f.worker, res.PoolId, id)
	claimedAt := f.ctx.BlockTime()
	f.advance(5*time.Minute + types.DefaultMaxBlockGap) // the claim is not due yet: it keeps its stored expiry

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Equal(t, 5*time.Minute, gs.OutageClock.Credit)
	ctx, k2 := f.importGenesis(gs)
	gs2, err := k2.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, gs, gs2)

	// Live chain from here: the claim lapses 10 minutes of it after the
	// claim, the outage not counted.
	f.k, f.ctx = k2, ctx
	left := claimedAt.Add(15 * time.Minute).Sub(f.ctx.BlockTime())
	f.run(left - time.Second)
	require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)
	f.run(time.Second)
	require.Equal(t, types.TASK_STATUS_OPEN, f.task(id).Status)
}

// TestOutageClockAtGenesis checks that the first block of a chain counts no
// gap: there is no previous block to measure from.
func TestOutageClockAtGenesis(t *testing.T) {
	f := newFixture(t)
	f.advance(time.Hour)
	clock, err := f.k.OutageClock.Get(f.ctx)
	require.NoError(t, err)
	require.Zero(t, clock.Credit)
	require.Equal(t, f.ctx.BlockTime(), clock.LastBlockTime)
	f.advance(time.Hour)
	clock, err = f.k.OutageClock.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, time.Hour-types.DefaultMaxBlockGap, clock.Credit)
}
