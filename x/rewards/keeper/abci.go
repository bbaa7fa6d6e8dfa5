package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
)

// EndBlocker sends the shares the block's settlements deferred (first, so
// that an epoch ending in this block counts the reward pool's part of them),
// returns due unbondings, ends the epoch at every multiple of epoch_length
// and pays epoch rewards, each within a per-block cap. It never returns an
// error: a failure is logged and skipped, so that it cannot halt the chain.
func (k Keeper) EndBlocker(ctx context.Context) error {
	if err := k.sendDeferredShares(ctx); err != nil {
		k.Logger(ctx).Error("cannot walk the deferred shares", "err", err)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("cannot read params; skipping end block", "err", err)
		return nil
	}
	if err := k.completeUnbondings(ctx, params); err != nil {
		k.Logger(ctx).Error("cannot walk the unbonding queue", "err", err)
	}
	if height := sdk.UnwrapSDKContext(ctx).BlockHeight(); height > 0 && height%params.EpochLength == 0 {
		if err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return k.endEpoch(ctx, params) }); err != nil {
			k.Logger(ctx).Error("cannot end the epoch", "height", height, "err", err)
		}
	}
	if err := k.payOutEpochs(ctx, params); err != nil {
		k.Logger(ctx).Error("cannot pay epoch rewards", "err", err)
	}
	return nil
}
