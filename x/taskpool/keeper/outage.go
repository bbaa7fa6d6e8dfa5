package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// Claims run on a clock that pauses while the chain is halted.
//
// A claim's expiry is a block time, and CometBFT takes a block's time from
// the votes for the block before it. When the chain halts (lost quorum, an
// upgrade), the first block after the halt carries a time from before it
// and the next block's time jumps by the whole outage: on block time alone,
// a claim made around the halt lapses at the first block in which its worker
// could answer, and the worker is slashed for the chain's outage.
//
// So every block adds to the outage credit the time since the previous
// block beyond max_block_gap (well above normal block times, below the
// shortest claim timeout). A claim records the credit when its expiry is
// set and lapses at that expiry plus the credit accrued since, capped at the
// task's deadline (the client's, which does not pause): a claim loses at
// most max_block_gap of its timeout between two blocks, whatever the outage.
// SubmitResult checks that effective expiry; EndBlock re-queues a due claim
// at it and writes it into the task, so queries show it. Only block header
// times are used: one read and one write per block.

// outageClock returns the outage clock as of the current block: the stored
// clock advanced to this block's time (which EndBlock stores).
func (k Keeper) outageClock(ctx context.Context) (types.OutageClock, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.OutageClock{}, err
	}
	clock, err := k.OutageClock.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return clock, err
	}
	return clock.Advance(sdk.UnwrapSDKContext(ctx).BlockTime(), params.MaxBlockGap), nil
}

// advanceOutageClock stores the clock as of the current block; EndBlock
// calls it before any claim comes due.
func (k Keeper) advanceOutageClock(ctx context.Context) error {
	clock, err := k.outageClock(ctx)
	if err != nil {
		return err
	}
	return k.OutageClock.Set(ctx, clock)
}

// ClaimExpiry returns when the claim on a CLAIMED task lapses, as of the
// current block: its stored claim expiry moved by the outage credit accrued
// since it was set, capped at the deadline. SubmitResult accepts a result
// before that time.
func (k Keeper) ClaimExpiry(ctx context.Context, task types.Task) (time.Time, error) {
	expiry, _, err := k.claimExpiry(ctx, task)
	return expiry, err
}

// claimExpiry is ClaimExpiry also returning the clock it was read from.
func (k Keeper) claimExpiry(ctx context.Context, task types.Task) (time.Time, types.OutageClock, error) {
	clock, err := k.outageClock(ctx)
	if err != nil {
		return time.Time{}, clock, err
	}
	return clock.ClaimExpiry(task), clock, nil
}

// extendClaim moves the expiry of a claim an outage paused to expiry: the
// task shows it, and the claim queue holds it there.
func (k Keeper) extendClaim(ctx context.Context, task types.Task, expiry time.Time, clock types.OutageClock) error {
	prev := task
	task.ClaimExpiry = expiry.UTC()
	task.ClaimOutageCredit = clock.Credit
	return k.saveTask(ctx, &prev, task)
}
