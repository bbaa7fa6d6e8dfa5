package keeper

import (
	"context"
	"fmt"
	"math"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// timeQueue is a (unix nanoseconds, task id) queue walked in time order.
type timeQueue = collections.KeySet[collections.Pair[int64, uint64]]

// EndBlocker advances the outage clock (outage.go), returns lapsed claims to
// OPEN (penalising their workers) and moves claims an outage paused to their
// later expiry, and expires tasks past their deadline (refunding their
// creators; a worker whose claim the deadline ended is released
// unpenalised). Each queue
// is walked in time order up to the block time, at most
// max_expirations_per_block items each, so a mass expiry is spread over
// several blocks. It never fails and never panics: a task whose expiry fails
// is parked as REFUND_PENDING with its escrow (parkTask); any other bad item
// is logged and dropped from its queue (a dropped claim entry leaves the task
// in the deadline queue), and the chain moves on.
func (k Keeper) EndBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("reading params; no expiries this block", "err", err)
		return nil
	}
	if err := k.advanceOutageClock(ctx); err != nil {
		k.Logger(ctx).Error("advancing the outage clock", "err", err)
	}
	limit := int(params.MaxExpirationsPerBlock)
	now := sdkCtx.BlockTime()
	k.drain(sdkCtx, "claim", k.ClaimQueue, now, limit, k.expireClaim, nil)
	k.drain(sdkCtx, "deadline", k.DeadlineQueue, now, limit, k.expireTask, k.parkTask)
	return nil
}

// drain handles up to limit due items of a queue, each in its own cached
// context so that a failing item leaves no partial writes. A failed item is
// given to fallback, if any, in a fresh cached context; if there is none or it
// fails too, the item is dropped from the queue.
func (k Keeper) drain(ctx sdk.Context, name string, q timeQueue, now time.Time, limit int,
	handle func(sdk.Context, collections.Pair[int64, uint64]) error,
	fallback func(sdk.Context, collections.Pair[int64, uint64], error) error,
) {
	due, err := dueKeys(ctx, q, now, limit)
	if err != nil {
		k.Logger(ctx).Error("reading the queue", "queue", name, "err", err)
		return
	}
	for _, key := range due {
		err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return handle(ctx, key) })
		if err != nil {
			if fallback != nil {
				if ferr := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return fallback(ctx, key, err) }); ferr == nil {
					k.Logger(ctx).Error("a queue item failed; its task awaits a retry", "queue", name, "task", key.K2(), "err", err)
					continue
				}
			}
			k.Logger(ctx).Error("dropping a queue item that failed", "queue", name, "task", key.K2(), "err", err)
			if err := q.Remove(ctx, key); err != nil {
				k.Logger(ctx).Error("removing a failed queue item", "queue", name, "task", key.K2(), "err", err)
			}
		}
	}
}

// dueKeys returns up to limit keys of q at or before now, in time order. The
// keys are collected before any is handled, so that the iterator never sees
// the writes of the handlers.
func dueKeys(ctx context.Context, q timeQueue, now time.Time, limit int) ([]collections.Pair[int64, uint64], error) {
	rng := new(collections.Range[collections.Pair[int64, uint64]]).
		EndInclusive(collections.Join(now.UnixNano(), uint64(math.MaxUint64)))
	iter, err := q.Iterate(ctx, rng)
	if err != nil {
		return nil, err
	}
	defer iter.Close() //nolint:errcheck // closing a store iterator only releases it
	var keys []collections.Pair[int64, uint64]
	for ; iter.Valid() && len(keys) < limit; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// expireClaim returns a CLAIMED task whose claim lapsed to OPEN, releases the
// worker's claim slot and penalises the worker. A claim that an outage of
// the chain paused is not lapsed but moved to its later expiry (outage.go).
// A claim that ends at the task's deadline is not the worker's lapse but the
// deadline's (an outage extended it that far, or it was made before
// ClaimTask required more than the claim timeout to be left), so the task
// expires as at its deadline, unpenalised. A private task's claim that lapses
// before its creator posted the input is the creator's lapse, not the
// worker's: the worker is unpenalised and the task is OPEN again, or refunded
// once it has used up max_input_rejections (endInputWindow).
func (k Keeper) expireClaim(ctx sdk.Context, key collections.Pair[int64, uint64]) error {
	task, err := k.GetTask(ctx, key.K2())
	if err != nil {
		return err
	}
	if task.Status != types.TASK_STATUS_CLAIMED || task.ClaimExpiry.UnixNano() != key.K1() {
		return fmt.Errorf("stale claim queue entry: task is %s, claim expiry %s", task.Status, task.ClaimExpiry)
	}
	expiry, clock, err := k.claimExpiry(ctx, task)
	if err != nil {
		return err
	}
	if ctx.BlockTime().Before(expiry) {
		return k.extendClaim(ctx, task, expiry, clock)
	}
	if !expiry.Before(task.Deadline) {
		return k.expireTask(ctx, collections.Join(task.Deadline.UnixNano(), task.Id))
	}
	if awaitingInput(task) {
		if err := k.endInputWindow(ctx, task); err != nil {
			return err
		}
		return k.lapseClaim(ctx, task, false)
	}
	if err := k.reopen(ctx, task); err != nil {
		return err
	}
	return k.lapseClaim(ctx, task, true)
}

// expireTask refunds an OPEN or CLAIMED task past its deadline. A task still
// CLAIMED at its deadline has its worker released without penalty: the
// deadline, not the worker, ended the claim.
func (k Keeper) expireTask(ctx sdk.Context, key collections.Pair[int64, uint64]) error {
	prev, task, err := k.endAtDeadline(ctx, key, types.TASK_STATUS_EXPIRED)
	if err != nil {
		return err
	}
	if prev.Status == types.TASK_STATUS_CLAIMED {
		if err := k.lapseClaim(ctx, prev, false); err != nil {
			return err
		}
	}
	if err := k.refund(ctx, task); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventTaskExpired{
		TaskId:  task.Id,
		Creator: task.Creator,
		Refund:  task.Reward,
	})
}

// endAtDeadline moves the task of a due deadline-queue entry to status (the
// EXPIRED of expireTask, or the REFUND_PENDING of parkTask), after checking
// that the entry is the task's current deadline, and returns the task as it
// was and as it is now.
func (k Keeper) endAtDeadline(ctx sdk.Context, key collections.Pair[int64, uint64], status types.TaskStatus) (prev, task types.Task, err error) {
	task, err = k.GetTask(ctx, key.K2())
	if err != nil {
		return prev, task, err
	}
	if !task.Status.HasDeadline() || task.Deadline.UnixNano() != key.K1() {
		return prev, task, fmt.Errorf("stale deadline queue entry: task is %s, deadline %s", task.Status, task.Deadline)
	}
	prev = task
	task.Status = status
	return prev, task, k.saveTask(ctx, &prev, task)
}

// lapseClaim releases the claim slot of the worker of a claimed task that ended
// without a result and, with penalise, penalises the worker through
// x/rewards. A failing penalty is logged but does not stop the task from
// moving on: escrow must never be held up by it.
func (k Keeper) lapseClaim(ctx sdk.Context, claimed types.Task, penalise bool) error {
	worker, err := k.addressCodec.StringToBytes(claimed.Worker)
	if err != nil {
		return err
	}
	if err := k.updateWorker(ctx, worker, func(w *types.Worker) {
		w.ActiveTaskIds = removeID(w.ActiveTaskIds, claimed.Id)
		if penalise {
			w.LapsedClaims++
		}
	}); err != nil {
		return err
	}
	if penalise {
		if err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error {
			return k.rewardsKeeper.PenalizeTimeout(ctx, claimed.Id, worker)
		}); err != nil {
			k.Logger(ctx).Error("penalising a lapsed claim", "task", claimed.Id, "worker", claimed.Worker, "err", err)
		}
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventClaimExpired{
		TaskId:    claimed.Id,
		PoolId:    claimed.PoolId,
		Worker:    claimed.Worker,
		Penalized: penalise,
	})
}
