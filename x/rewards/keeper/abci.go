package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EndBlocker returns due unbondings, ends the epoch at every multiple of
// epoch_length and pays epoch rewards, each within a per-block cap. It never
// returns an error: a failure is logged and skipped, so that it cannot halt
// the chain.
func (k Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("cannot read params; skipping end block", "err", err)
		return nil
	}
	if err := k.completeUnbondings(ctx, params); err != nil {
		k.Logger(ctx).Error("cannot walk the unbonding queue", "err", err)
	}
	if height := sdk.UnwrapSDKContext(ctx).BlockHeight(); height > 0 && height%params.EpochLength == 0 {
		if err := endBlockStep(ctx, func(ctx sdk.Context) error { return k.endEpoch(ctx, params) }); err != nil {
			k.Logger(ctx).Error("cannot end the epoch", "height", height, "err", err)
		}
	}
	if err := k.payOutEpochs(ctx, params); err != nil {
		k.Logger(ctx).Error("cannot pay epoch rewards", "err", err)
	}
	return nil
}

// endBlockStep runs one item of EndBlock work atomically, turning a panic
// into an error, so that one bad item is skipped instead of halting the chain.
// (EndBlock runs with an infinite gas meter, so no out-of-gas panic is lost.)
func endBlockStep(ctx context.Context, fn func(ctx sdk.Context) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return atomically(ctx, fn)
}
