package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestBestOpenTask(t *testing.T) {
	f := newFixture(t)
	open := f.createPool()
	picky := f.minRepPool(10) // task 1, reward 1000; reputation bucket 4 ([8, 15])
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
		{name: "success - a closed pool's open tasks stay claimable", model: irisID, reputation: 10, setup: func(f *fixture) {
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: picky})
			require.NoError(f.t, err)
		}, want: high},
		{name: "success - just below the minimum, in the same bucket", model: 0, reputation: 9, want: mid},
		{name: "success - a bucket below the minimum's", model: 0, reputation: 7, want: mid},
		{name: "success - a higher bucket than the minimum's", model: 0, reputation: 1 << 40, want: high},
		{name: "success - a negative reputation reaches only pools asking no more", model: 0, reputation: -3, setup: func(f *fixture) {
			f.submitTask(f.newPool(irisID, -3), 1500) // task 5
		}, want: 5},
		{name: "success - ties across buckets go to the oldest", model: 0, reputation: 10, setup: func(f *fixture) {
			f.submitTask(open, 5000) // same reward as high, newer, in bucket 0
		}, want: high},
		{name: "success - ties across buckets go to the oldest, lower bucket first", model: 0, reputation: 100, setup: func(f *fixture) {
			f.submitTask(open, 8000)                   // task 5, bucket 0
			f.submitTask(f.newPool(irisID, 100), 8000) // task 6, bucket 7
		}, want: 5},
		{name: "success - a past-deadline task in a lower bucket is stepped over", model: 0, reputation: 10, setup: func(f *fixture) {
			_, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
				Creator: f.str(f.creator), PoolId: open, Input: f.irisInput(), Reward: coin(9000), Deadline: f.ctx.BlockTime().Add(time.Minute),
			})
			require.NoError(f.t, err)
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(time.Minute))
		}, want: high},
		{name: "success - per model", model: 2, reputation: 10, setup: func(f *fixture) {
			f.addModel2()
			f.submitTask(f.newPool(2, 0), 1200) // task 5
		}, want: 5},
		{name: "success - per model keeps other models out", model: irisID, reputation: 10, setup: func(f *fixture) {
			f.addModel2()
			f.submitTask(f.newPool(2, 0), 9000)
		}, want: high},
		{name: "success - any model", model: 0, reputation: 10, setup: func(f *fixture) {
			f.addModel2()
			f.submitTask(f.newPool(2, 0), 9000) // task 5
		}, want: 5},
		{name: "error - nothing for an unknown model", model: 9, reputation: 100},
		{name: "error - nothing for a reputation below every pool", model: 0, reputation: -1},
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
			task, found, err := f.k.BestOpenTask(f.ctx, forModel(tc.model), tc.reputation)
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

func TestCheckWorkerMayClaim(t *testing.T) {
	f := newFixture(t)
	require.ErrorContains(t, f.k.CheckWorkerMayClaim(f.ctx, f.worker), "worker is not registered")
	require.NoError(t, f.k.RegisterWorker(f.ctx, f.worker))
	require.ErrorContains(t, f.k.CheckWorkerMayClaim(f.ctx, f.worker), "min_worker_bond")
	f.rewards.Bonded[string(f.worker)] = true
	require.NoError(t, f.k.CheckWorkerMayClaim(f.ctx, f.worker))
	poolID := f.createPool()
	f.submitTask(poolID, price)
	f.claim(f.worker, poolID, 0)
	require.ErrorContains(t, f.k.CheckWorkerMayClaim(f.ctx, f.worker), "holds 1, the limit is 1")
	require.ErrorContains(t, f.k.CheckWorkerMayClaimInPool(f.ctx, f.worker, poolID), "holds 1")
}

func TestStats(t *testing.T) {
	f := populated(t)
	s, err := f.k.GetStats(f.ctx)
	require.NoError(t, err)
	require.Equal(t, types.Stats{
		OpenTasks: 1, ClaimedTasks: 1, CompletedTasks: 1, ActivePools: 2, ActiveWorkers: 2,
		VolumePaid: sdk.NewCoins(coin(4000)),
	}, s)

	_, err = f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: 1})
	require.NoError(t, err)
	require.NoError(t, f.k.DeactivateWorker(f.ctx, f.worker))
	s, err = f.k.GetStats(f.ctx)
	require.NoError(t, err)
	require.Equal(t, [2]uint64{1, 1}, [2]uint64{s.ActivePools, s.ActiveWorkers})
}

// TestBestOpenTaskCannotBeHidden checks that tasks of pools a worker may not
// use cannot hide the tasks it may: 70 better-paid tasks in a pool requiring
// reputation 1000 are not even read for a worker of reputation 100, and
// crowding the worker's own bucket hides only that bucket.
func TestBestOpenTaskCannotBeHidden(t *testing.T) {
	f := newFixture(t)
	elite := f.newPool(irisID, 1_000)
	for i := range 70 {
		f.submitTask(elite, 50_000+int64(i))
	}
	open := f.createPool()
	claimable := f.submitTask(open, price)
	f.readyWorker(f.worker)
	f.rewards.Rep[string(f.worker)] = 100

	task, found, err := f.k.BestOpenTask(f.ctx, forModel(0), 100)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, claimable, task.Id)
	task, found, err = f.k.BestOpenTask(f.ctx, forModel(irisID), 100)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, claimable, task.Id)

	// A pool of the worker's own bucket ([64, 127]) that it may use, crowded
	// out by more than maxBucketSkips better-paid tasks of a pool of the same
	// bucket above its reputation: the lower buckets are still reached.
	own := f.submitTask(f.newPool(irisID, 64), 2*price)
	task, _, err = f.k.BestOpenTask(f.ctx, forModel(0), 100)
	require.NoError(t, err)
	require.Equal(t, own, task.Id)
	crowd := f.newPool(irisID, 127)
	for range 17 {
		f.submitTask(crowd, 40_000)
	}
	task, _, err = f.k.BestOpenTask(f.ctx, forModel(0), 100)
	require.NoError(t, err)
	require.Equal(t, claimable, task.Id)

	// A worker whose reputation reaches the elite pool gets its best task.
	task, _, err = f.k.BestOpenTask(f.ctx, forModel(0), 1_000)
	require.NoError(t, err)
	require.Equal(t, coin(50_069), task.Reward)
	f.checkInvariants(f.bank.Total())
}

// newPool creates a pool of a model that requires reputation minRep.
func (f *fixture) newPool(modelID uint64, minRep int64) uint64 {
	f.t.Helper()
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "pool", ModelId: modelID, ClaimTimeout: time.Minute, MinReputation: minRep,
	})
	require.NoError(f.t, err)
	return res.PoolId
}

// addModel2 registers a copy of the iris model as model 2.
func (f *fixture) addModel2() {
	const id = 2
	m := f.models.Models[irisID]
	m.Id = id
	f.models.Models[id] = m
	v := f.models.Versions[[2]uint64{irisID, 1}]
	v.ModelId = id
	f.models.Versions[[2]uint64{id, 1}] = v
}
