package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestMigrate1to2MovesPrivateTasksToTheirBuckets: a private task that
// consensus version 1 indexed in its pool's reputation bucket (0 here) is
// moved to its private bucket, so that a claim without a key no longer
// finds it, one with a key does, and its claim removes every entry.
func TestMigrate1to2MovesPrivateTasksToTheirBuckets(t *testing.T) {
	f := newFixture(t)
	poolID, private := f.privateSetup()
	public := f.submitTask(poolID, price)
	task, err := f.k.GetTask(f.ctx, private)
	require.NoError(t, err)
	const oldBucket, newBucket = uint16(0), uint16(1 << 7)
	moveBuckets(t, f, task, newBucket, oldBucket) // the layout of version 1

	require.NoError(t, keeper.NewMigrator(f.k).Migrate1to2(f.ctx))

	require.Equal(t, []uint16{newBucket}, bucketsOf(t, f, private))
	require.Equal(t, []uint16{0}, bucketsOf(t, f, public), "public tasks stay")
	got, found, err := f.k.BestOpenTask(f.ctx, types.ClaimFilter{}, 0)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, public, got.Id, "a claim without a key")
	got, _, err = f.k.BestOpenTask(f.ctx, types.ClaimFilter{EncryptionKey: workerKey}, 0)
	require.NoError(t, err)
	require.Equal(t, private, got.Id, "a claim with a key")

	f.claimPrivate(f.worker, poolID, private)
	require.Empty(t, bucketsOf(t, f, private), "the claim removed every entry")
}

// moveBuckets moves task's entries in the three bucketed open-task indexes
// from bucket from to bucket to.
func moveBuckets(t *testing.T, f *fixture, task types.Task, from, to uint16) {
	t.Helper()
	var key []byte
	require.NoError(t, f.k.OpenByBucket.Walk(f.ctx, nil, func(k collections.Triple[uint16, []byte, uint64]) (bool, error) {
		if k.K3() == task.Id {
			key = k.K2()
		}
		return false, nil
	}))
	require.NotNil(t, key)
	require.NoError(t, f.k.OpenByBucket.Remove(f.ctx, collections.Join3(from, key, task.Id)))
	require.NoError(t, f.k.OpenByBucket.Set(f.ctx, collections.Join3(to, key, task.Id)))
	require.NoError(t, f.k.OpenByModelBucket.Remove(f.ctx, collections.Join4(task.ModelId, from, key, task.Id)))
	require.NoError(t, f.k.OpenByModelBucket.Set(f.ctx, collections.Join4(task.ModelId, to, key, task.Id)))
	require.NoError(t, f.k.OpenByVersion.Remove(f.ctx, collections.Join4(task.ModelId, task.ModelVersion, from, collections.Join(key, task.Id))))
	require.NoError(t, f.k.OpenByVersion.Set(f.ctx, collections.Join4(task.ModelId, task.ModelVersion, to, collections.Join(key, task.Id))))
}

// bucketsOf lists the buckets holding a task in the three bucketed
// open-task indexes, requiring the three to agree.
func bucketsOf(t *testing.T, f *fixture, id uint64) []uint16 {
	t.Helper()
	var byBucket, byModel, byVersion []uint16
	require.NoError(t, f.k.OpenByBucket.Walk(f.ctx, nil, func(k collections.Triple[uint16, []byte, uint64]) (bool, error) {
		if k.K3() == id {
			byBucket = append(byBucket, k.K1())
		}
		return false, nil
	}))
	require.NoError(t, f.k.OpenByModelBucket.Walk(f.ctx, nil, func(k collections.Quad[uint64, uint16, []byte, uint64]) (bool, error) {
		if k.K4() == id {
			byModel = append(byModel, k.K2())
		}
		return false, nil
	}))
	require.NoError(t, f.k.OpenByVersion.Walk(f.ctx, nil, func(k collections.Quad[uint64, uint64, uint16, collections.Pair[[]byte, uint64]]) (bool, error) {
		if k.K4().K2() == id {
			byVersion = append(byVersion, k.K3())
		}
		return false, nil
	}))
	require.Equal(t, byBucket, byModel)
	require.Equal(t, byBucket, byVersion)
	return byBucket
}
