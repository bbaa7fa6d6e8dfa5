package keeper

import (
	"bytes"
	"context"
	"math/bits"
	"time"

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

// maxRouteSkips bounds how many routable pools LeastLoadedPool steps over
// because their claim timeout is too long for the task's deadline.
const maxRouteSkips = 16

// LeastLoadedPool returns the routable pool of a model (active, open to every
// worker whatever its reputation) with the fewest open tasks, ties to the
// lowest id, among those whose claim timeout is shorter than ttl, the time a
// task has before its deadline: in such a pool the task can be claimed (see
// Task.ClaimableAt). It walks the load index from the least-loaded pool and
// steps over at most maxRouteSkips pools whose claim timeout is too long, so
// routing costs one seek and a bounded number of reads. found is false when
// no such pool is within that reach.
func (k Keeper) LeastLoadedPool(ctx context.Context, modelID uint64, ttl time.Duration) (pool types.Pool, found bool, err error) {
	skipped := 0
	err = k.PoolsByLoad.Walk(ctx, collections.NewPrefixedTripleRange[uint64, uint64, uint64](modelID),
		func(key collections.Triple[uint64, uint64, uint64]) (bool, error) {
			p, err := k.GetPool(ctx, key.K3())
			if err != nil {
				return true, err
			}
			if p.ClaimTimeout < ttl {
				pool, found = p, true
				return true, nil
			}
			skipped++
			return skipped >= maxRouteSkips, nil
		})
	return pool, found, err
}

// HasRoutablePool reports whether a model has a routable pool, whatever its
// claim timeout, in one seek.
func (k Keeper) HasRoutablePool(ctx context.Context, modelID uint64) (bool, error) {
	iter, err := k.PoolsByLoad.Iterate(ctx, collections.NewPrefixedTripleRange[uint64, uint64, uint64](modelID))
	if err != nil {
		return false, err
	}
	defer iter.Close() //nolint:errcheck // closing a store iterator only releases it
	return iter.Valid(), nil
}

// maxBucketSkips bounds how many open tasks BestOpenTask steps over in one
// reputation bucket before it gives up on that bucket: tasks no longer
// claimable (too close to their deadline, see Task.ClaimableAt) and, in the
// worker's own bucket, tasks of pools whose minimum is above the worker's
// reputation. Private tasks are not among them: a claim without an
// encryption key never walks their buckets (openBucket).
const maxBucketSkips = 16

// privateBucket is added to the reputation bucket of a private task in the
// open-task indexes, above the 65 reputation buckets, so that a claim
// without an encryption key, which may not take a private task, walks only
// the public buckets: better-paid private tasks cannot use up its skips and
// hide the public tasks behind them. A claim with a key walks both.
const privateBucket = 1 << 7

// repBucket is the reputation bucket of a pool's minimum reputation: its bit
// length, 0 for a minimum of 0 or less (0 to 64). A worker of reputation r
// may use every pool of every bucket below repBucket(r): bucket b > 0 holds
// the minimums in [2^(b-1), 2^b - 1]. Only repBucket(r) itself may hold
// pools whose minimum is above r.
func repBucket(minReputation int64) uint16 {
	return uint16(bits.Len64(uint64(max(minReputation, 0)))) //nolint:gosec // G115: bits.Len64 is at most 64
}

// openBucket is the bucket of an open task in the bucketed reward indexes:
// its pool's reputation bucket, moved by privateBucket if the task is
// private. A task's privacy and its pool's minimum never change, so neither
// does its bucket.
func openBucket(minReputation int64, private bool) uint16 {
	if private {
		return repBucket(minReputation) + privateBucket
	}
	return repBucket(minReputation)
}

// claimBuckets lists the buckets a claim under want walks for a worker of
// this reputation: every reputation bucket up to the worker's own, public,
// and with an encryption key private too.
func claimBuckets(want types.ClaimFilter, reputation int64) []uint16 {
	top := repBucket(reputation)
	buckets := make([]uint16, 0, 2*(top+1))
	for b := uint16(0); b <= top; b++ {
		buckets = append(buckets, b)
	}
	if len(want.EncryptionKey) != 0 {
		for b := uint16(0); b <= top; b++ {
			buckets = append(buckets, b+privateBucket)
		}
	}
	return buckets
}

// BestOpenTask returns the claimable OPEN task with the highest reward, ties
// to the oldest, that a worker of this reputation may take under want: of
// the models and versions it serves (any task if it lists none), in a pool
// whose minimum reputation is at most reputation and whose claim timeout is
// at least want.MinWindow, active or not (a closed pool takes no new tasks,
// but its open tasks stay claimable).
//
// For each bucket of claimBuckets (the reputation buckets from 0 to
// repBucket(reputation), public, and private too with an encryption key) and
// each model version served (or each model served with every version, or
// every model), it seeks the head of the matching bucketed reward index and
// keeps the best claimable task over all of them. In each walk it steps over
// at most maxBucketSkips tasks it may not claim (not claimable any more;
// claim timeout below the window; in the worker's own bucket, pool minimum
// above its reputation), and stops as soon as the walk can no longer beat
// the best found. So a claim costs at most 65 * want.Walks() seeks (130 with
// a key) and (maxBucketSkips + 1) task reads per seek, whatever the number
// of open tasks; a claim without a key never reads a private task;
// and tasks of pools that demand more reputation than the worker has can
// only crowd out tasks of pools of the worker's own bucket (minimums within a
// factor 2 of its reputation), never those of lower buckets. found is false
// when no claimable task is within that reach.
func (k Keeper) BestOpenTask(ctx context.Context, want types.ClaimFilter, reputation int64) (types.Task, bool, error) {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	var best types.Task
	var bestKey []byte
	found := false
	for _, bucket := range claimBuckets(want, reputation) {
		for _, target := range walkTargets(want) {
			skipped := 0
			err := k.walkBucket(ctx, target, bucket, func(key []byte, taskID uint64) (bool, error) {
				if found && !lessKey(key, taskID, bestKey, best.Id) {
					return true, nil
				}
				task, err := k.GetTask(ctx, taskID)
				if err != nil {
					return true, err
				}
				pool, err := k.GetPool(ctx, task.PoolId)
				if err != nil {
					return true, err
				}
				if task.ClaimableAt(now, pool.ClaimTimeout) && want.Allows(pool.ClaimTimeout) && pool.MinReputation <= reputation {
					// key may share the iterator's buffer: keep a copy of our own.
					best, bestKey, found = task, rewardKey(task.Reward), true
					return true, nil
				}
				skipped++
				return skipped >= maxBucketSkips, nil
			})
			if err != nil {
				return types.Task{}, false, err
			}
		}
	}
	return best, found, nil
}

// modelVersion names the open tasks one walk of BestOpenTask reads: of one
// version of a model, of every version of a model (version 0), or of every
// model (model 0).
type modelVersion struct{ model, version uint64 }

// walkTargets lists the walks BestOpenTask makes per bucket under want.
func walkTargets(want types.ClaimFilter) []modelVersion {
	if len(want.Models) == 0 {
		return []modelVersion{{}}
	}
	out := make([]modelVersion, 0, want.Walks())
	for _, m := range want.Models {
		if len(m.Versions) == 0 {
			out = append(out, modelVersion{model: m.ModelID})
		}
		for _, v := range m.Versions {
			out = append(out, modelVersion{model: m.ModelID, version: v})
		}
	}
	return out
}

// walkBucket walks the open tasks of one reputation bucket, of one target,
// best first, passing each one's reward key and id.
func (k Keeper) walkBucket(ctx context.Context, target modelVersion, bucket uint16, fn func(key []byte, taskID uint64) (bool, error)) error {
	switch {
	case target.model == 0:
		rng := collections.NewPrefixedTripleRange[uint16, []byte, uint64](bucket)
		return k.OpenByBucket.Walk(ctx, rng, func(key collections.Triple[uint16, []byte, uint64]) (bool, error) {
			return fn(key.K2(), key.K3())
		})
	case target.version == 0:
		rng := collections.NewSuperPrefixedQuadRange[uint64, uint16, []byte, uint64](target.model, bucket)
		return k.OpenByModelBucket.Walk(ctx, rng, func(key collections.Quad[uint64, uint16, []byte, uint64]) (bool, error) {
			return fn(key.K3(), key.K4())
		})
	default:
		rng := collections.NewSuperPrefixedQuadRange3[uint64, uint64, uint16, collections.Pair[[]byte, uint64]](target.model, target.version, bucket)
		return k.OpenByVersion.Walk(ctx, rng, func(key collections.Quad[uint64, uint64, uint16, collections.Pair[[]byte, uint64]]) (bool, error) {
			return fn(key.K4().K1(), key.K4().K2())
		})
	}
}

// lessKey reports whether the task (key, id) comes before (other, otherID)
// in reward order: a higher reward, or the same reward and an older task.
func lessKey(key []byte, id uint64, other []byte, otherID uint64) bool {
	if c := bytes.Compare(key, other); c != 0 {
		return c < 0
	}
	return id < otherID
}

// OpenTasksByReward pages through OPEN tasks, highest reward first (ties to
// the oldest), of one model or of any (modelID 0). It reads the reward-only
// indexes: paging a merge of the reputation buckets would need a cursor per
// bucket, which the standard page key cannot carry, while one more index
// entry per open task costs only a write.
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
