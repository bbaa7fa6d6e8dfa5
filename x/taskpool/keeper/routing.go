package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// This file holds the reads x/router routes and claims with. They go through
// indexes that only x/taskpool can keep in step with every transition (claim
// expiries and deadlines happen in its EndBlock), so they live here.

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// LeastLoadedPool returns the active pool of a model with the fewest open
// tasks, ties to the lowest id, in one seek of the load index; found is false
// when the model has no active pool.
func (k Keeper) LeastLoadedPool(ctx context.Context, modelID uint64) (types.Pool, bool, error) {
	iter, err := k.PoolsByLoad.Iterate(ctx, collections.NewPrefixedTripleRange[uint64, uint64, uint64](modelID))
	if err != nil {
		return types.Pool{}, false, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return types.Pool{}, false, nil
	}
	key, err := iter.Key()
	if err != nil {
		return types.Pool{}, false, err
	}
	pool, err := k.GetPool(ctx, key.K3())
	return pool, err == nil, err
}

// BestOpenTask returns the claimable OPEN task with the highest reward, ties
// to the oldest, of one model (or of any with modelID 0), among the active
// pools whose minimum reputation is at most reputation. It walks the reward
// index from the top and steps over at most maxClaimSkips tasks it may not
// claim (pool inactive or too demanding, deadline passed), so it stays
// O(log n); found is false when none is within that reach.
func (k Keeper) BestOpenTask(ctx context.Context, modelID uint64, reputation int64) (types.Task, bool, error) {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	var best types.Task
	found := false
	skipped := 0
	visit := func(taskID uint64) (bool, error) {
		task, err := k.GetTask(ctx, taskID)
		if err != nil {
			return true, err
		}
		pool, err := k.GetPool(ctx, task.PoolId)
		if err != nil {
			return true, err
		}
		if pool.Active && pool.MinReputation <= reputation && now.Before(task.Deadline) {
			best, found = task, true
			return true, nil
		}
		skipped++
		return skipped >= maxClaimSkips, nil
	}
	var err error
	if modelID == 0 {
		err = k.OpenByReward.Walk(ctx, nil, func(key collections.Pair[[]byte, uint64]) (bool, error) {
			return visit(key.K2())
		})
	} else {
		rng := collections.NewPrefixedTripleRange[uint64, []byte, uint64](modelID)
		err = k.OpenByModelReward.Walk(ctx, rng, func(key collections.Triple[uint64, []byte, uint64]) (bool, error) {
			return visit(key.K3())
		})
	}
	return best, found, err
}

// OpenTasksByReward pages through OPEN tasks, highest reward first (ties to
// the oldest), of one model or of any (modelID 0).
func (k Keeper) OpenTasksByReward(ctx context.Context, modelID uint64, page *query.PageRequest) ([]types.Task, *query.PageResponse, error) {
	if modelID == 0 {
		return query.CollectionPaginate(ctx, k.OpenByReward, page,
			func(key collections.Pair[[]byte, uint64], _ collections.NoValue) (types.Task, error) {
				return k.Tasks.Get(ctx, key.K2())
			})
	}
	return query.CollectionPaginate(ctx, k.OpenByModelReward, page,
		func(key collections.Triple[uint64, []byte, uint64], _ collections.NoValue) (types.Task, error) {
			return k.Tasks.Get(ctx, key.K3())
		},
		func(o *query.CollectionsPaginateOptions[collections.Triple[uint64, []byte, uint64]]) {
			prefix := collections.TriplePrefix[uint64, []byte, uint64](modelID)
			o.Prefix = &prefix
		})
}
