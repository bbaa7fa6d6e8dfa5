package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// saveTask writes task and moves its index entries, queue entries and pool
// counters from those of prev (nil for a new task). Every change of a task
// goes through here, so the indexes, queues and counters cannot drift from
// the tasks themselves.
//
// The indexes are kept here by hand rather than declared on a
// collections.IndexedMap, because that was measured to cost more: an
// IndexedMap reads the old task back and removes and rewrites every index
// entry on every save, changed or not, and its Multi indexes cannot leave a
// task out, so the open-task indexes and the queues would hold every task.
// BenchmarkTaskIndexes (index_bench_internal_test.go) runs a task's life on an
// IAVL store holding 1,000 open tasks, with the IndexedMap side spared the
// counters and the pool read that saveTask does:
//
//	go test -run '^$' -bench TaskIndexes -benchtime 2000x ./x/taskpool/keeper/
//
//	gas         submit  claim   complete  expire  lifecycle  time (load ~20)
//	hand-kept   44,422  32,402  22,884    29,572  173,702    3.4 ms
//	IndexedMap  47,060  61,740  62,790    60,540  279,190    8.1 ms
//
// (lifecycle: two submits, a claim, a completion and an expiry; 2026-11-30.)
func (k Keeper) saveTask(ctx context.Context, prev *types.Task, task types.Task) error {
	if task.Status != types.TASK_STATUS_CLAIMED {
		// A private task's worker key and posted input belong to its claim.
		task.WorkerKey, task.InputCiphertext = nil, nil
	}
	if prev == nil {
		creator, err := k.addressCodec.StringToBytes(task.Creator)
		if err != nil {
			return fmt.Errorf("task %d creator: %w", task.Id, err)
		}
		if err := k.TasksByCreator.Set(ctx, collections.Join(sdk.AccAddress(creator), task.Id)); err != nil {
			return err
		}
	}
	if prev == nil || prev.Status != task.Status {
		if err := k.moveStatus(ctx, prev, task); err != nil {
			return err
		}
	}
	if err := k.moveQueue(ctx, k.ClaimQueue, task.Id, claimKey(prev), claimKey(&task)); err != nil {
		return err
	}
	if err := k.moveQueue(ctx, k.DeadlineQueue, task.Id, deadlineKey(prev), deadlineKey(&task)); err != nil {
		return err
	}
	return k.Tasks.Set(ctx, task.Id, task)
}

// moveStatus moves the status index entries, the open-task reward indexes,
// the pool counters (and the pool's load entry) and the global counters of a
// task whose status changed; a task that completes adds its reward to the
// global volume paid here, in the same write of the counters.
func (k Keeper) moveStatus(ctx context.Context, prev *types.Task, task types.Task) error {
	pool, err := k.GetPool(ctx, task.PoolId)
	if err != nil {
		return err
	}
	stats, err := k.GetStats(ctx)
	if err != nil {
		return err
	}
	oldOpen := pool.OpenTasks
	if prev != nil {
		if err := k.TasksByPoolStatus.Remove(ctx, collections.Join3(prev.PoolId, int32(prev.Status), prev.Id)); err != nil {
			return err
		}
		if err := k.TasksByStatus.Remove(ctx, collections.Join(int32(prev.Status), prev.Id)); err != nil {
			return err
		}
		if prev.Status == types.TASK_STATUS_OPEN {
			if err := k.setRewardIndex(ctx, *prev, pool.MinReputation, false); err != nil {
				return err
			}
		}
		addCount(&pool, &stats, prev.Status, false)
	}
	if err := k.TasksByPoolStatus.Set(ctx, collections.Join3(task.PoolId, int32(task.Status), task.Id)); err != nil {
		return err
	}
	if err := k.TasksByStatus.Set(ctx, collections.Join(int32(task.Status), task.Id)); err != nil {
		return err
	}
	if task.Status == types.TASK_STATUS_OPEN {
		if err := k.setRewardIndex(ctx, task, pool.MinReputation, true); err != nil {
			return err
		}
	}
	addCount(&pool, &stats, task.Status, true)
	if task.Status == types.TASK_STATUS_COMPLETED { // final: a task is paid once
		stats.VolumePaid = stats.VolumePaid.Add(task.Reward)
	}
	if pool.Routable() && pool.OpenTasks != oldOpen {
		if err := k.PoolsByLoad.Remove(ctx, collections.Join3(pool.ModelId, oldOpen, pool.Id)); err != nil {
			return err
		}
		if err := k.PoolsByLoad.Set(ctx, collections.Join3(pool.ModelId, pool.OpenTasks, pool.Id)); err != nil {
			return err
		}
	}
	if err := k.Stats.Set(ctx, stats); err != nil {
		return err
	}
	return k.Pools.Set(ctx, pool.Id, pool)
}

// setRewardIndex adds an OPEN task, of a pool requiring minReputation, to
// the reward indexes, the bucketed reward indexes and the version index (in
// its openBucket), or removes it.
func (k Keeper) setRewardIndex(ctx context.Context, task types.Task, minReputation int64, add bool) error {
	key, bucket := rewardKey(task.Reward), openBucket(minReputation, task.Private)
	global := collections.Join(key, task.Id)
	byModel := collections.Join3(task.ModelId, key, task.Id)
	byBucket := collections.Join3(bucket, key, task.Id)
	byModelBucket := collections.Join4(task.ModelId, bucket, key, task.Id)
	byVersion := collections.Join4(task.ModelId, task.ModelVersion, bucket, collections.Join(key, task.Id))
	if !add {
		return firstErr(
			func() error { return k.OpenByReward.Remove(ctx, global) },
			func() error { return k.OpenByModelReward.Remove(ctx, byModel) },
			func() error { return k.OpenByBucket.Remove(ctx, byBucket) },
			func() error { return k.OpenByModelBucket.Remove(ctx, byModelBucket) },
			func() error { return k.OpenByVersion.Remove(ctx, byVersion) },
		)
	}
	return firstErr(
		func() error { return k.OpenByReward.Set(ctx, global) },
		func() error { return k.OpenByModelReward.Set(ctx, byModel) },
		func() error { return k.OpenByBucket.Set(ctx, byBucket) },
		func() error { return k.OpenByModelBucket.Set(ctx, byModelBucket) },
		func() error { return k.OpenByVersion.Set(ctx, byVersion) },
	)
}

// firstErr runs steps in order and stops at the first error.
func firstErr(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// rewardKey orders rewards highest first: the bitwise complement of the
// amount as 32 big-endian bytes (math.Int holds at most 256 bits). Only the
// amount counts; every model is priced in the bond denom.
func rewardKey(c sdk.Coin) []byte {
	b := make([]byte, 32)
	if c.Amount.IsPositive() {
		c.Amount.BigInt().FillBytes(b)
	}
	for i := range b {
		b[i] = ^b[i]
	}
	return b
}

// moveQueue replaces a task's entry in a time queue: from is the time it
// was queued at (nil if it was not), to the time it must be queued at now.
func (k Keeper) moveQueue(ctx context.Context, q collections.KeySet[collections.Pair[int64, uint64]], id uint64, from, to *time.Time) error {
	if from != nil && (to == nil || !from.Equal(*to)) {
		if err := q.Remove(ctx, collections.Join(from.UnixNano(), id)); err != nil {
			return err
		}
	}
	if to != nil && (from == nil || !from.Equal(*to)) {
		return q.Set(ctx, collections.Join(to.UnixNano(), id))
	}
	return nil
}

// claimKey is the claim queue time of a task: its claim expiry while CLAIMED.
func claimKey(t *types.Task) *time.Time {
	if t == nil || t.Status != types.TASK_STATUS_CLAIMED {
		return nil
	}
	return &t.ClaimExpiry
}

// deadlineKey is the deadline queue time of a task: its deadline while it
// holds escrow.
func deadlineKey(t *types.Task) *time.Time {
	if t == nil || !t.Status.HasDeadline() {
		return nil
	}
	return &t.Deadline
}

// addCount counts a task into (up) or out of the pool and global counters of
// its status; statuses that are not counted are ignored.
func addCount(p *types.Pool, s *types.Stats, status types.TaskStatus, up bool) {
	var pc, sc *uint64
	switch status {
	case types.TASK_STATUS_OPEN:
		pc, sc = &p.OpenTasks, &s.OpenTasks
	case types.TASK_STATUS_CLAIMED:
		pc, sc = &p.ClaimedTasks, &s.ClaimedTasks
	case types.TASK_STATUS_COMPLETED:
		pc, sc = &p.CompletedTasks, &s.CompletedTasks
	default:
		return
	}
	if up {
		*pc++
		*sc++
		return
	}
	*pc--
	*sc--
}
