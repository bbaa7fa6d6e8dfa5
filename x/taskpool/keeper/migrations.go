package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// Migrator runs the module's store migrations.
type Migrator struct {
	k Keeper
}

// NewMigrator returns the migrator of the keeper's store.
func NewMigrator(k Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 moves every OPEN private task of the bucketed open-task
// indexes from its pool's reputation bucket to its private bucket
// (openBucket). Consensus version 1 kept private and public tasks in the
// same buckets; a claim without an encryption key now walks only the public
// ones, and closing a task removes it from the bucket openBucket names, so
// a private task left in its old bucket would be offered to claims that may
// not take it and outlive its claim in the index.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	var private []types.Task
	err := m.k.OpenByReward.Walk(ctx, nil, func(key collections.Pair[[]byte, uint64]) (bool, error) {
		task, err := m.k.GetTask(ctx, key.K2())
		if err != nil {
			return true, err
		}
		if task.Private {
			private = append(private, task)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, task := range private {
		pool, err := m.k.GetPool(ctx, task.PoolId)
		if err != nil {
			return err
		}
		if err := m.k.removeBucketEntries(ctx, task, repBucket(pool.MinReputation)); err != nil {
			return err
		}
		if err := m.k.setRewardIndex(ctx, task, pool.MinReputation, true); err != nil {
			return err
		}
	}
	return nil
}

// removeBucketEntries removes an open task's entries from the three
// bucketed open-task indexes under bucket.
func (k Keeper) removeBucketEntries(ctx sdk.Context, task types.Task, bucket uint16) error {
	key := rewardKey(task.Reward)
	return firstErr(
		func() error { return k.OpenByBucket.Remove(ctx, collections.Join3(bucket, key, task.Id)) },
		func() error {
			return k.OpenByModelBucket.Remove(ctx, collections.Join4(task.ModelId, bucket, key, task.Id))
		},
		func() error {
			return k.OpenByVersion.Remove(ctx, collections.Join4(task.ModelId, task.ModelVersion, bucket, collections.Join(key, task.Id)))
		},
	)
}
