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
func (k Keeper) saveTask(ctx context.Context, prev *types.Task, task types.Task) error {
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

// moveStatus moves the status index entries and the pool counters of a task
// whose status changed.
func (k Keeper) moveStatus(ctx context.Context, prev *types.Task, task types.Task) error {
	pool, err := k.GetPool(ctx, task.PoolId)
	if err != nil {
		return err
	}
	if prev != nil {
		if err := k.TasksByPoolStatus.Remove(ctx, collections.Join3(prev.PoolId, int32(prev.Status), prev.Id)); err != nil {
			return err
		}
		if err := k.TasksByStatus.Remove(ctx, collections.Join(int32(prev.Status), prev.Id)); err != nil {
			return err
		}
		if c := poolCounter(&pool, prev.Status); c != nil {
			*c--
		}
	}
	if err := k.TasksByPoolStatus.Set(ctx, collections.Join3(task.PoolId, int32(task.Status), task.Id)); err != nil {
		return err
	}
	if err := k.TasksByStatus.Set(ctx, collections.Join(int32(task.Status), task.Id)); err != nil {
		return err
	}
	if c := poolCounter(&pool, task.Status); c != nil {
		*c++
	}
	return k.Pools.Set(ctx, pool.Id, pool)
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
	if t == nil || !t.Status.HoldsEscrow() {
		return nil
	}
	return &t.Deadline
}

// poolCounter returns the pool counter of a status, or nil for statuses
// that are not counted.
func poolCounter(p *types.Pool, s types.TaskStatus) *uint64 {
	switch s {
	case types.TASK_STATUS_OPEN:
		return &p.OpenTasks
	case types.TASK_STATUS_CLAIMED:
		return &p.ClaimedTasks
	case types.TASK_STATUS_COMPLETED:
		return &p.CompletedTasks
	default:
		return nil
	}
}
