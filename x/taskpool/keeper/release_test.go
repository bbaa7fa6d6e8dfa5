package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestReleaseClaim(t *testing.T) {
	tests := []struct {
		name string
		// setup runs after the worker claimed task 1 of pool 1 (one-minute
		// claim timeout, one-hour deadline); it may change the message.
		setup   func(f *fixture, m *types.MsgReleaseClaim)
		wantErr string
	}{
		{name: "success - live claim", setup: func(*fixture, *types.MsgReleaseClaim) {}},
		{name: "success - just before the claim expires", setup: func(f *fixture, _ *types.MsgReleaseClaim) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Minute - time.Nanosecond))
		}},
		{name: "error - bad worker address", setup: func(_ *fixture, m *types.MsgReleaseClaim) { m.Worker = "hyra1nope" }, wantErr: "invalid address"},
		{name: "error - another worker's claim", setup: func(f *fixture, m *types.MsgReleaseClaim) {
			f.readyWorker(f.worker2)
			m.Worker = f.str(f.worker2)
		}, wantErr: "task 1 is claimed by"},
		{name: "error - open task", setup: func(_ *fixture, m *types.MsgReleaseClaim) { m.TaskId = 2 }, wantErr: "task 2 is TASK_STATUS_OPEN, not CLAIMED"},
		{name: "error - unknown task", setup: func(_ *fixture, m *types.MsgReleaseClaim) { m.TaskId = 42 }, wantErr: "task not found"},
		{name: "error - claim already run out: its lapse is due", setup: func(f *fixture, _ *types.MsgReleaseClaim) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Minute))
		}, wantErr: "claim has expired"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			id := f.submitTask(poolID, price)
			f.submitTask(poolID, price)
			f.readyWorker(f.worker)
			f.claim(f.worker, poolID, id)
			f.rewards.Rep[string(f.worker)] = 50
			msg := &types.MsgReleaseClaim{Worker: f.str(f.worker), TaskId: id}
			tc.setup(f, msg)
			before := f.snapshot()
			total := f.bank.Total()
			res, err := f.msgs.ReleaseClaim(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				require.Equal(t, int64(50), f.rewards.Rep[string(f.worker)])
				return
			}
			require.NoError(t, err)
			require.Equal(t, int64(49), res.Reputation, "the release cost is charged")
			task := f.task(id)
			require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
			require.Empty(t, task.Worker)
			require.True(t, task.ClaimExpiry.IsZero())
			require.Zero(t, task.ClaimOutageCredit)
			require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
			require.Empty(t, f.rewards.Penalties, "no timeout penalty")
			pool := f.pool(poolID)
			require.Equal(t, [2]uint64{2, 0}, [2]uint64{pool.OpenTasks, pool.ClaimedTasks})
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventClaimReleased")
			f.checkInvariants(total)

			// The task is claimable at once, the releasing worker included;
			// its old claim expiry is no longer queued.
			require.Equal(t, id, f.claim(f.worker, poolID, 0))
			f.advance(time.Minute - time.Nanosecond)
			require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)
			require.Empty(t, f.rewards.Penalties)
		})
	}
}
