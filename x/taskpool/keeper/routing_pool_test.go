package keeper_test

// Routing a task to a model's least-loaded routable pool (Keeper.LeastLoadedPool).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestLeastLoadedPool(t *testing.T) {
	f := newFixture(t)
	_, found, err := f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.False(t, found)

	busy, quiet, closed := f.createPool(), f.createPool(), f.createPool()
	_, err = f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: closed})
	require.NoError(t, err)
	f.submitTask(busy, price)
	pool, found, err := f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, quiet, pool.Id)

	f.submitTask(quiet, price)
	pool, _, err = f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.Equal(t, busy, pool.Id, "ties go to the lowest id")

	// A claim takes a task out of the open count.
	f.readyWorker(f.worker)
	f.claim(f.worker, quiet, 0)
	pool, _, err = f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.Equal(t, quiet, pool.Id)

	_, found, err = f.k.LeastLoadedPool(f.ctx, 9, time.Hour)
	require.NoError(t, err)
	require.False(t, found)
}

// TestLeastLoadedPoolSkipsPoolsWithAMinimum checks that routing never picks
// a pool that some worker may not use, however empty it is: the squatting
// pool of issue 12 (min_reputation 2^62) nor one a worker with the initial
// reputation could use. A negative minimum admits everyone.
func TestLeastLoadedPoolSkipsPoolsWithAMinimum(t *testing.T) {
	f := newFixture(t)
	f.setPoolCreationFee(nil)
	f.newPool(irisID, 1<<62)
	f.newPool(irisID, 1)
	_, found, err := f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.False(t, found, "no pool is open to every worker")

	open := f.createPool()
	f.submitTask(open, price)
	f.submitTask(open, price)
	pool, found, err := f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, open, pool.Id, "two open tasks, yet the only routable pool")

	anyone := f.newPool(irisID, -1)
	pool, _, err = f.k.LeastLoadedPool(f.ctx, irisID, time.Hour)
	require.NoError(t, err)
	require.Equal(t, anyone, pool.Id)
}

// TestLeastLoadedPoolFitsTheDeadline checks that routing picks only a pool
// whose claim timeout the task's deadline leaves, since x/taskpool refuses
// claims with less than the claim timeout left: a pool with long claims
// never captures a task that nobody could claim.
func TestLeastLoadedPoolFitsTheDeadline(t *testing.T) {
	f := newFixture(t)
	f.setPoolCreationFee(nil)
	short := f.createPool() // one-minute claims
	f.submitTask(short, price)
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "slow", ModelId: irisID, ClaimTimeout: 2 * time.Hour,
	})
	require.NoError(t, err)
	long := res.PoolId

	for _, tc := range []struct {
		ttl   time.Duration
		want  uint64
		found bool
	}{
		{ttl: 3 * time.Hour, want: long, found: true},
		{ttl: 2 * time.Hour, want: short, found: true},
		{ttl: 30 * time.Minute, want: short, found: true},
		{ttl: time.Minute, found: false},
	} {
		pool, found, err := f.k.LeastLoadedPool(f.ctx, irisID, tc.ttl)
		require.NoError(t, err)
		require.Equal(t, tc.found, found, "ttl %s", tc.ttl)
		require.Equal(t, tc.want, pool.Id, "ttl %s", tc.ttl)
	}
	routable, err := f.k.HasRoutablePool(f.ctx, irisID)
	require.NoError(t, err)
	require.True(t, routable)
}
