package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestClaimTask(t *testing.T) {
	tests := []struct {
		name string
		// setup runs after pool 1 gets tasks 1 and 2 (one-hour deadlines) and
		// the worker is registered and bonded; it may change the message.
		setup    func(f *fixture, m *types.MsgClaimTask)
		wantTask uint64
		wantErr  string
	}{
		{name: "success - next open task is the oldest", setup: func(*fixture, *types.MsgClaimTask) {}, wantTask: 1},
		{name: "success - named task", setup: func(_ *fixture, m *types.MsgClaimTask) { m.TaskId = 2 }, wantTask: 2},
		{name: "success - past-deadline open task is stepped over", setup: func(f *fixture, _ *types.MsgClaimTask) {
			// Task 3 outlives tasks 1 and 2; EndBlock has not run yet.
			_, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
				Creator: f.str(f.creator), PoolId: 1, Input: f.irisInput(), Reward: coin(price), Deadline: f.ctx.BlockTime().Add(2 * time.Hour),
			})
			require.NoError(f.t, err)
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Hour))
		}, wantTask: 3},
		{name: "success - reputation at the pool minimum", setup: func(f *fixture, m *types.MsgClaimTask) {
			m.PoolId = f.minRepPool(5)
			f.rewards.Rep[string(f.worker)] = 5
		}, wantTask: 3},
		{name: "success - second claim under a raised limit", setup: func(f *fixture, _ *types.MsgClaimTask) {
			p := types.DefaultParams()
			p.MaxActiveTasks = 2
			require.NoError(f.t, f.k.Params.Set(f.ctx, p))
			f.claim(f.worker, 1, 1)
		}, wantTask: 2},
		{name: "error - bad worker address", setup: func(_ *fixture, m *types.MsgClaimTask) { m.Worker = "hyra1nope" }, wantErr: "invalid address"},
		{name: "error - unregistered worker", setup: func(f *fixture, m *types.MsgClaimTask) { m.Worker = f.str(f.worker2) }, wantErr: "worker is not registered"},
		{name: "error - deactivated worker", setup: func(f *fixture, m *types.MsgClaimTask) {
			_, err := f.msgs.DeactivateWorker(f.ctx, &types.MsgDeactivateWorker{Worker: m.Worker})
			require.NoError(f.t, err)
		}, wantErr: "worker is not active"},
		{name: "error - not bonded", setup: func(f *fixture, _ *types.MsgClaimTask) { f.rewards.Bonded[string(f.worker)] = false }, wantErr: "min_worker_bond"},
		{name: "error - reputation below the pool minimum", setup: func(f *fixture, m *types.MsgClaimTask) {
			m.PoolId = f.minRepPool(5)
			f.rewards.Rep[string(f.worker)] = 4
		}, wantErr: "has 4, pool 2 requires 5"},
		{name: "error - unknown pool", setup: func(_ *fixture, m *types.MsgClaimTask) { m.PoolId = 9 }, wantErr: "pool not found"},
		{name: "success - an inactive pool's open task is still claimable", setup: func(f *fixture, _ *types.MsgClaimTask) {
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: 1})
			require.NoError(f.t, err)
		}, wantTask: 1},
		{name: "success - an inactive pool's named task is still claimable", setup: func(f *fixture, m *types.MsgClaimTask) {
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: 1})
			require.NoError(f.t, err)
			m.TaskId = 2
		}, wantTask: 2},
		{name: "error - an inactive pool still requires its minimum reputation", setup: func(f *fixture, m *types.MsgClaimTask) {
			m.PoolId = f.minRepPool(5)
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: m.PoolId})
			require.NoError(f.t, err)
		}, wantErr: "has 0, pool 2 requires 5"},
		{name: "error - second claim over the limit", setup: func(f *fixture, _ *types.MsgClaimTask) { f.claim(f.worker, 1, 1) }, wantErr: "holds 1, the limit is 1"},
		{name: "error - task of another pool", setup: func(f *fixture, m *types.MsgClaimTask) {
			m.PoolId = f.createPool()
			m.TaskId = 1
		}, wantErr: "task 1 is in pool 1, not pool 2"},
		{name: "error - unknown task", setup: func(_ *fixture, m *types.MsgClaimTask) { m.TaskId = 42 }, wantErr: "task not found"},
		{name: "error - task claimed by another worker", setup: func(f *fixture, m *types.MsgClaimTask) {
			f.readyWorker(f.worker2)
			f.claim(f.worker2, 1, 2)
			m.TaskId = 2
		}, wantErr: "only OPEN tasks can be claimed"},
		{name: "error - named task past its deadline", setup: func(f *fixture, m *types.MsgClaimTask) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Hour))
			m.TaskId = 1
		}, wantErr: "task deadline has passed"},
		{name: "success - open tasks within the claim timeout of their deadline are stepped over", setup: func(f *fixture, _ *types.MsgClaimTask) {
			_, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
				Creator: f.str(f.creator), PoolId: 1, Input: f.irisInput(), Reward: coin(price), Deadline: f.ctx.BlockTime().Add(2 * time.Hour),
			})
			require.NoError(f.t, err)
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(59 * time.Minute))
		}, wantTask: 3},
		{name: "error - named task with exactly the claim timeout left", setup: func(f *fixture, m *types.MsgClaimTask) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(59 * time.Minute))
			m.TaskId = 1
		}, wantErr: "task 1 has 1m0s left before its deadline, not more than pool 1's claim timeout of 1m0s"},
		{name: "error - named task with less than the claim timeout left", setup: func(f *fixture, m *types.MsgClaimTask) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Hour - time.Second))
			m.TaskId = 2
		}, wantErr: "too little time left before the task deadline"},
		{name: "error - no task with more than the claim timeout left", setup: func(f *fixture, _ *types.MsgClaimTask) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(59*time.Minute + 30*time.Second))
		}, wantErr: "pool 1 has no open task with more than its claim timeout (1m0s) left"},
		{name: "error - no open task", setup: func(f *fixture, m *types.MsgClaimTask) { m.PoolId = f.createPool() }, wantErr: "pool 2 has no open task"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			f.submitTask(poolID, price)
			f.submitTask(poolID, price)
			f.readyWorker(f.worker)
			msg := &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID}
			tc.setup(f, msg)
			before := f.snapshot()
			res, err := f.msgs.ClaimTask(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantTask, res.TaskId)
			task := f.task(res.TaskId)
			require.Equal(t, types.TASK_STATUS_CLAIMED, task.Status)
			require.Equal(t, f.str(f.worker), task.Worker)
			require.True(t, res.ClaimExpiry.Equal(task.ClaimExpiry))
			require.Contains(t, f.workerRec(f.worker).ActiveTaskIds, res.TaskId)
			require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskClaimed")
		})
	}
}

// minRepPool creates a pool that requires reputation minRep and gives it task 3.
func (f *fixture) minRepPool(minRep int64) uint64 {
	f.t.Helper()
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "picky", ModelId: irisID, ClaimTimeout: time.Minute, MinReputation: minRep,
	})
	require.NoError(f.t, err)
	f.submitTask(res.PoolId, price)
	return res.PoolId
}

// TestClaimExpiry checks the claim expiry: block time plus the pool's claim
// timeout, always before the task's deadline, and the pool counters.
func TestClaimExpiry(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool() // one-minute claim timeout
	long := f.submitTask(poolID, price)
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: poolID, Input: f.irisInput(), Reward: coin(price),
		Deadline: f.ctx.BlockTime().Add(90 * time.Second),
	})
	require.NoError(t, err)
	short := res.TaskId
	p := types.DefaultParams()
	p.MaxActiveTasks = 2
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	f.readyWorker(f.worker)

	f.claim(f.worker, poolID, long)
	require.Equal(t, f.ctx.BlockTime().Add(time.Minute), f.task(long).ClaimExpiry)

	// 30s + 1ns left: just more than the claim timeout.
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(30*time.Second - time.Nanosecond))
	f.claim(f.worker, poolID, short)
	require.Equal(t, f.ctx.BlockTime().Add(time.Minute), f.task(short).ClaimExpiry)
	require.True(t, f.task(short).ClaimExpiry.Before(f.task(short).Deadline), "a claim expires before the deadline")

	pool := f.pool(poolID)
	require.Equal(t, uint64(0), pool.OpenTasks)
	require.Equal(t, uint64(2), pool.ClaimedTasks)
	require.Equal(t, []uint64{long, short}, f.workerRec(f.worker).ActiveTaskIds)
}
