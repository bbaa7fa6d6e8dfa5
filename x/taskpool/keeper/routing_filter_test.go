package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// forModel is the filter of a worker that serves one model (0: every model)
// at every version, with no minimum window.
func forModel(model uint64) types.ClaimFilter {
	if model == 0 {
		return types.ClaimFilter{}
	}
	return types.ClaimFilter{Models: []types.ServedVersions{{ModelID: model}}}
}

// TestBestOpenTaskFilter checks that a best-task search honours the model
// versions a worker can prove and the window it needs.
func TestBestOpenTaskFilter(t *testing.T) {
	f := newFixture(t)
	open := f.createPool()         // one-minute claim timeout
	v1 := f.submitTask(open, 3000) // iris version 1
	slow := f.newPoolWithTimeout(5 * time.Minute)
	v1Slow := f.submitTask(slow, 2000) // version 1, five-minute claim timeout
	f.addModel2()
	f.addVersion(irisID)
	v2 := f.submitTask(open, 5000) // version 2, the best
	other := f.submitTask(f.newPool(2, 0), 9000)
	serves := func(versions ...uint64) types.ClaimFilter {
		return types.ClaimFilter{Models: []types.ServedVersions{{ModelID: irisID, Versions: versions}}}
	}
	tests := []struct {
		name   string
		filter types.ClaimFilter
		setup  func(f *fixture)
		want   uint64
	}{
		{name: "success - any task", filter: types.ClaimFilter{}, want: other},
		{name: "success - one model, any version", filter: forModel(irisID), want: v2},
		{name: "success - one version", filter: serves(1), want: v1},
		{name: "success - the other version", filter: serves(2), want: v2},
		{name: "success - either version", filter: serves(1, 2), want: v2},
		{name: "success - several models", filter: types.ClaimFilter{Models: []types.ServedVersions{
			{ModelID: irisID, Versions: []uint64{1}}, {ModelID: 2},
		}}, want: other},
		{name: "success - a window the one-minute pools do not give", filter: types.ClaimFilter{MinWindow: 2 * time.Minute}, want: v1Slow},
		{name: "success - a window exactly the claim timeout", filter: types.ClaimFilter{MinWindow: time.Minute}, want: other},
		{name: "success - version and window", filter: types.ClaimFilter{
			Models: serves(1).Models, MinWindow: 5 * time.Minute,
		}, want: v1Slow},
		{name: "success - many better-paid tasks of another version do not hide a version", filter: serves(1), setup: func(f *fixture) {
			for range 40 {
				f.submitTask(open, 8000) // version 2
			}
		}, want: v1},
		{name: "error - a version with no task", filter: serves(3)},
		{name: "error - no pool gives the window", filter: types.ClaimFilter{MinWindow: 6 * time.Minute}},
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
			task, found, err := f.k.BestOpenTask(f.ctx, tc.filter, 0)
			require.NoError(t, err)
			require.Equal(t, tc.want != 0, found)
			require.Equal(t, tc.want, task.Id)
		})
	}
}

// TestBestOpenTaskSkipsTasksThatCannotBeCompleted checks that the best-paid
// task is not handed out once less than its pool's claim timeout is left
// before its deadline, while EndBlock has not expired it yet.
func TestBestOpenTaskSkipsTasksThatCannotBeCompleted(t *testing.T) {
	f := newFixture(t)
	open := f.createPool() // one-minute claim timeout
	honest := f.submitTask(open, price)
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: open, Input: f.irisInput(), Reward: coin(9000), Deadline: f.ctx.BlockTime().Add(90 * time.Second),
	})
	require.NoError(t, err)
	bait := res.TaskId
	task, _, err := f.k.BestOpenTask(f.ctx, forModel(irisID), 0)
	require.NoError(t, err)
	require.Equal(t, bait, task.Id, "claimable while more than a minute is left")
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(30 * time.Second))
	task, _, err = f.k.BestOpenTask(f.ctx, forModel(irisID), 0)
	require.NoError(t, err)
	require.Equal(t, honest, task.Id, "a minute left is not enough")
}

// newPoolWithTimeout creates an iris pool with the given claim timeout.
func (f *fixture) newPoolWithTimeout(d time.Duration) uint64 {
	f.t.Helper()
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "pool", ModelId: irisID, ClaimTimeout: d,
	})
	require.NoError(f.t, err)
	return res.PoolId
}

// addVersion makes a model's current version one more, a copy of version 1:
// new tasks get it, open ones keep theirs.
func (f *fixture) addVersion(modelID uint64) {
	m := f.models.Models[modelID]
	m.Version++
	f.models.Models[modelID] = m
	v := f.models.Versions[[2]uint64{modelID, 1}]
	v.Version = m.Version
	f.models.Versions[[2]uint64{modelID, m.Version}] = v
}
