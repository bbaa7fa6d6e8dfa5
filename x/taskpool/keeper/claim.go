package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// maxClaimSkips bounds how many open tasks a claim steps over when looking
// for the next task of a pool: tasks too close to their deadline to be
// claimed (see Task.ClaimableAt), which stay OPEN until EndBlock expires them
// at their deadline, or a few blocks later after a mass expiry. The bound
// keeps a claim O(log n).
const maxClaimSkips = 64

// ClaimTask is ClaimTaskWithKey without an encryption key: it never claims
// a private task.
func (k Keeper) ClaimTask(ctx context.Context, worker sdk.AccAddress, poolID, taskID uint64) (uint64, error) {
	return k.ClaimTaskWithKey(ctx, worker, poolID, taskID, nil)
}

// ClaimTaskWithKey assigns a task of a pool to worker: taskID, or with taskID
// 0 the oldest open task that is still claimable (a private one only with a
// key). The pool may be inactive: closing a pool stops new tasks, not the
// claims of those already paid for. The claim expires the pool's claim
// timeout from now, always before the task's deadline; a private task's claim
// first waits for its input (private.go). encryptionKey is the worker's
// X25519 key, which a private task needs and keeps while claimed. It returns
// the claimed task's id. x/router calls it for its best-task claims.
func (k Keeper) ClaimTaskWithKey(ctx context.Context, worker sdk.AccAddress, poolID, taskID uint64, encryptionKey []byte) (uint64, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime()
	if err := checkClaimKey(sdkCtx, encryptionKey); err != nil {
		return 0, err
	}
	pool, rec, err := k.eligibleWorkerInPool(ctx, worker, poolID)
	if err != nil {
		return 0, err
	}
	withKey := len(encryptionKey) != 0
	var task types.Task
	if taskID == 0 {
		task, err = k.nextOpenTask(ctx, pool, now, withKey)
	} else {
		task, err = k.openTaskOf(ctx, pool, taskID, now, withKey)
	}
	if err != nil {
		return 0, err
	}

	clock, err := k.outageClock(ctx)
	if err != nil {
		return 0, err
	}
	workerStr := rec.Address
	prev := task
	task.Status = types.TASK_STATUS_CLAIMED
	task.Worker = workerStr
	task.ClaimExpiry = now.Add(pool.ClaimTimeout).UTC()
	task.ClaimOutageCredit = clock.Credit
	if task.Private {
		if err := k.awaitInput(ctx, &task, encryptionKey, now); err != nil {
			return 0, err
		}
	}
	if err := k.saveTask(ctx, &prev, task); err != nil {
		return 0, err
	}
	rec.ActiveTaskIds = append(rec.ActiveTaskIds, task.Id)
	if err := k.Workers.Set(ctx, worker, rec); err != nil {
		return 0, err
	}
	return task.Id, sdkCtx.EventManager().EmitTypedEvent(&types.EventTaskClaimed{
		TaskId:      task.Id,
		PoolId:      poolID,
		Worker:      workerStr,
		ClaimExpiry: task.ClaimExpiry,
	})
}

// CheckWorkerMayClaimInPool reports why worker may not claim in a pool now,
// or nil if it may: the pool must exist (active or not), the worker must pass
// CheckWorkerMayClaim, and its reputation must be at least the pool's minimum.
func (k Keeper) CheckWorkerMayClaimInPool(ctx context.Context, worker sdk.AccAddress, poolID uint64) error {
	_, _, err := k.eligibleWorkerInPool(ctx, worker, poolID)
	return err
}

// CheckWorkerMayClaim reports why worker may not claim in any pool now, or
// nil if it may: it must be a registered, active worker, bonded per
// x/rewards, and hold fewer than max_active_tasks claims.
func (k Keeper) CheckWorkerMayClaim(ctx context.Context, worker sdk.AccAddress) error {
	_, err := k.eligibleWorker(ctx, worker)
	return err
}

// eligibleWorkerInPool is CheckWorkerMayClaimInPool returning the pool and the
// worker record, for ClaimTask.
func (k Keeper) eligibleWorkerInPool(ctx context.Context, worker sdk.AccAddress, poolID uint64) (types.Pool, types.Worker, error) {
	pool, err := k.GetPool(ctx, poolID)
	if err != nil {
		return pool, types.Worker{}, err
	}
	rec, err := k.eligibleWorker(ctx, worker)
	if err != nil {
		return pool, rec, err
	}
	rep, err := k.rewardsKeeper.Reputation(ctx, worker)
	if err != nil {
		return pool, rec, err
	}
	if rep < pool.MinReputation {
		return pool, rec, errorsmod.Wrapf(types.ErrLowReputation, "%s has %d, pool %d requires %d", rec.Address, rep, poolID, pool.MinReputation)
	}
	return pool, rec, nil
}

// eligibleWorker is CheckWorkerMayClaim returning the worker record.
func (k Keeper) eligibleWorker(ctx context.Context, worker sdk.AccAddress) (types.Worker, error) {
	rec, err := k.GetWorker(ctx, worker)
	if err != nil {
		return rec, err
	}
	if !rec.Active {
		return rec, errorsmod.Wrapf(types.ErrWorkerInactive, "%s", rec.Address)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return rec, err
	}
	if n := len(rec.ActiveTaskIds); n >= int(params.MaxActiveTasks) {
		return rec, errorsmod.Wrapf(types.ErrTooManyTasks, "%s holds %d, the limit is %d", rec.Address, n, params.MaxActiveTasks)
	}
	return rec, k.rewardsKeeper.CheckMinBond(ctx, worker)
}

// NextOpenTask returns the oldest OPEN task of a pool that is still claimable
// (see Task.ClaimableAt), through the pool's open-task index.
func (k Keeper) NextOpenTask(ctx context.Context, poolID uint64) (types.Task, error) {
	pool, err := k.GetPool(ctx, poolID)
	if err != nil {
		return types.Task{}, err
	}
	return k.nextOpenTask(ctx, pool, sdk.UnwrapSDKContext(ctx).BlockTime(), false)
}

// nextOpenTask is NextOpenTask for a loaded pool, for a worker with an
// encryption key (withKey) or without: private tasks are stepped over
// without one.
func (k Keeper) nextOpenTask(ctx context.Context, pool types.Pool, now time.Time, withKey bool) (types.Task, error) {
	rng := collections.NewSuperPrefixedTripleRange[uint64, int32, uint64](pool.Id, int32(types.TASK_STATUS_OPEN))
	iter, err := k.TasksByPoolStatus.Iterate(ctx, rng)
	if err != nil {
		return types.Task{}, err
	}
	defer iter.Close() //nolint:errcheck // closing a store iterator only releases it
	for skipped := 0; iter.Valid() && skipped < maxClaimSkips; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return types.Task{}, err
		}
		task, err := k.GetTask(ctx, key.K3())
		if err != nil {
			return types.Task{}, err
		}
		if task.ClaimableAt(now, pool.ClaimTimeout) && (withKey || !task.Private) {
			return task, nil
		}
		skipped++
	}
	return types.Task{}, errorsmod.Wrapf(types.ErrNoOpenTask,
		"pool %d has no open task with more than its claim timeout (%s) left before its deadline (private tasks need an encryption key)", pool.Id, pool.ClaimTimeout)
}

// openTaskOf loads a named task and checks that it is an OPEN task of the
// pool that is still claimable, and if private that the worker gave a key.
func (k Keeper) openTaskOf(ctx context.Context, pool types.Pool, taskID uint64, now time.Time, withKey bool) (types.Task, error) {
	task, err := k.GetTask(ctx, taskID)
	if err != nil {
		return task, err
	}
	if task.PoolId != pool.Id {
		return task, errorsmod.Wrapf(types.ErrTaskNotFound, "task %d is in pool %d, not pool %d", taskID, task.PoolId, pool.Id)
	}
	if task.Status != types.TASK_STATUS_OPEN {
		return task, errorsmod.Wrapf(types.ErrWrongStatus, "task %d is %s; only OPEN tasks can be claimed", taskID, task.Status)
	}
	if !now.Before(task.Deadline) {
		return task, errorsmod.Wrapf(types.ErrDeadlinePassed, "task %d expired at %s", taskID, task.Deadline.Format(time.RFC3339))
	}
	if !task.ClaimableAt(now, pool.ClaimTimeout) {
		return task, errorsmod.Wrapf(types.ErrClaimWindowClosed,
			"task %d has %s left before its deadline, not more than pool %d's claim timeout of %s: a claim could not be completed in time",
			taskID, task.Deadline.Sub(now), pool.Id, pool.ClaimTimeout)
	}
	if task.Private && !withKey {
		return task, errorsmod.Wrapf(types.ErrEncryptionKey, "task %d is private: claim it with an encryption key", taskID)
	}
	return task, nil
}

// reopen returns a claimed task to OPEN with its claim cleared, for a claim
// that lapsed or was released; the caller frees the worker's slot and
// decides what the worker pays.
func (k Keeper) reopen(ctx context.Context, claimed types.Task) error {
	task := claimed
	task.Status = types.TASK_STATUS_OPEN
	task.Worker = ""
	task.ClaimExpiry = time.Time{}
	task.ClaimOutageCredit = 0
	return k.saveTask(ctx, &claimed, task)
}
