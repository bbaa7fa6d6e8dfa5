package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestLeastLoadedPool(t *testing.T) {
	f := newFixture(t)
	_, found, err := f.k.LeastLoadedPool(f.ctx, irisID)
	require.NoError(t, err)
	require.False(t, found)

	busy, quiet, closed := f.createPool(), f.createPool(), f.createPool()
	_, err = f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.creator), PoolId: closed})
	require.NoError(t, err)
	f.submitTask(busy, price)
	pool, found, err := f.k.LeastLoadedPool(f.ctx, irisID)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, quiet, pool.Id)

	f.submitTask(quiet, price)
	pool, _, err = f.k.LeastLoadedPool(f.ctx, irisID)
	require.NoError(t, err)
	require.Equal(t, busy, pool.Id, "ties go to the lowest id")

	// A claim takes a task out of the open count.
	f.readyWorker(f.worker)
	f.claim(f.worker, quiet, 0)
	pool, _, err = f.k.LeastLoadedPool(f.ctx, irisID)
	require.NoError(t, err)
	require.Equal(t, quiet, pool.Id)

	_, found, err = f.k.LeastLoadedPool(f.ctx, 9)
	require.NoError(t, err)
	require.False(t, found)
}

func TestBestOpenTask(t *testing.T) {
	f := newFixture(t)
	open := f.createPool()
	picky := f.minRepPool(10) // task 1, reward 1000
	high := f.submitTask(picky, 5000)
	mid := f.submitTask(open, 3000)
	low := f.submitTask(open, 1000)
	tests := []struct {
		name       string
		model      uint64
		reputation int64
		setup      func(f *fixture)
		want       uint64
	}{
		{name: "success - best the reputation admits", model: irisID, reputation: 0, want: mid},
		{name: "success - a higher reputation reaches the picky pool", model: 0, reputation: 10, want: high},
		{name: "success - ties go to the oldest", model: 0, reputation: 0, setup: func(f *fixture) { f.submitTask(open, 3000) }, want: mid},
		{name: "success - claimed tasks leave the index", model: 0, reputation: 0, setup: func(f *fixture) {
			f.readyWorker(f.worker)
			f.claim(f.worker, open, mid)
		}, want: low},
		{name: "success - past-deadline tasks are stepped over", model: 0, reputation: 0, setup: func(f *fixture) {
			_, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
				Creator: f.str(f.creator), PoolId: open, Input: f.irisInput(), Reward: coin(9000), Deadline: f.ctx.BlockTime().Add(time.Minute),
			})
			require.NoError(f.t, err)
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Minute))
		}, want: mid},
		{name: "error - nothing for an unknown model", model: 9, reputation: 100},
		{name: "error - nothing in a closed pool", model: irisID, reputation: 0, setup: func(f *fixture) {
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.creator), PoolId: open})
			require.NoError(f.t, err)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := f.ctx
			cache, _ := f.ctx.CacheContext()
			f.ctx = cache
			defer func() { f.ctx = ctx }()
			f.t = t
			if tc.setup != nil {
				tc.setup(f)
			}
			task, found, err := f.k.BestOpenTask(f.ctx, tc.model, tc.reputation)
			require.NoError(t, err)
			require.Equal(t, tc.want != 0, found)
			require.Equal(t, tc.want, task.Id)
		})
	}
}

func TestOpenTasksByReward(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	a := f.submitTask(poolID, 1000)
	b := f.submitTask(poolID, 7000)
	c := f.submitTask(poolID, 3000)
	d := f.submitTask(poolID, 7000)
	tasks, _, err := f.k.OpenTasksByReward(f.ctx, 0, nil)
	require.NoError(t, err)
	require.Equal(t, []uint64{b, d, c, a}, ids(tasks))

	_, err = f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: d})
	require.NoError(t, err)
	page, res, err := f.k.OpenTasksByReward(f.ctx, irisID, &query.PageRequest{Limit: 2, CountTotal: true})
	require.NoError(t, err)
	require.Equal(t, []uint64{b, c}, ids(page))
	require.Equal(t, uint64(3), res.Total)
	none, _, err := f.k.OpenTasksByReward(f.ctx, 2, nil)
	require.NoError(t, err)
	require.Empty(t, none)
}

func TestCheckWorkerCanClaim(t *testing.T) {
	f := newFixture(t)
	require.ErrorContains(t, f.k.CheckWorkerCanClaim(f.ctx, f.worker), "worker is not registered")
	require.NoError(t, f.k.RegisterWorker(f.ctx, f.worker))
	require.ErrorContains(t, f.k.CheckWorkerCanClaim(f.ctx, f.worker), "min_worker_bond")
	f.rewards.Bonded[string(f.worker)] = true
	require.NoError(t, f.k.CheckWorkerCanClaim(f.ctx, f.worker))
	poolID := f.createPool()
	f.submitTask(poolID, price)
	f.claim(f.worker, poolID, 0)
	require.ErrorContains(t, f.k.CheckWorkerCanClaim(f.ctx, f.worker), "holds 1, the limit is 1")
	require.ErrorContains(t, f.k.CanClaim(f.ctx, f.worker, poolID), "holds 1")
}

func TestStats(t *testing.T) {
	f := populated(t)
	s, err := f.k.GetStats(f.ctx)
	require.NoError(t, err)
	require.Equal(t, types.Stats{
		OpenTasks: 1, ClaimedTasks: 1, CompletedTasks: 1, ActivePools: 2, ActiveWorkers: 2,
		VolumePaid: sdk.NewCoins(coin(4000)),
	}, s)

	_, err = f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.creator), PoolId: 1})
	require.NoError(t, err)
	require.NoError(t, f.k.DeactivateWorker(f.ctx, f.worker))
	s, err = f.k.GetStats(f.ctx)
	require.NoError(t, err)
	require.Equal(t, [2]uint64{1, 1}, [2]uint64{s.ActivePools, s.ActiveWorkers})
}
