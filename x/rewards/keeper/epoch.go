package keeper

import (
	"context"
	"errors"
	"math"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// recordWork counts one verified task of worker in the epoch in progress and
// returns the epoch's number.
func (k Keeper) recordWork(ctx context.Context, worker sdk.AccAddress) (uint64, error) {
	epoch, err := k.Epoch.Get(ctx)
	if err != nil {
		return 0, err
	}
	key := collections.Join(epoch.Number, worker)
	tasks, err := k.EpochWork.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		epoch.Workers++
	case err != nil:
		return 0, err
	}
	// A counter that reached 2^64 stays there rather than wrapping to zero.
	if tasks < math.MaxUint64 && epoch.TotalWork < math.MaxUint64 {
		tasks++
		epoch.TotalWork++
	}
	if err := k.EpochWork.Set(ctx, key, tasks); err != nil {
		return 0, err
	}
	return epoch.Number, k.Epoch.Set(ctx, epoch)
}

// endEpoch ends the epoch in progress: if any work was done, the pool's
// available balance is set aside as the epoch's reward, to be paid out a few
// workers per block; then the next epoch starts.
func (k Keeper) endEpoch(ctx context.Context, params types.Params) error {
	epoch, err := k.Epoch.Get(ctx)
	if err != nil {
		return err
	}
	reward := sdk.NewInt64Coin(params.BondDenom(), 0)
	if epoch.TotalWork > 0 {
		reward, err = k.availableReward(ctx, params.BondDenom())
		if err != nil {
			return err
		}
		payout := types.PendingPayout{
			Epoch:     epoch.Number,
			Amount:    reward,
			TotalWork: epoch.TotalWork,
			Paid:      sdk.NewInt64Coin(params.BondDenom(), 0),
		}
		if err := k.PendingPayouts.Set(ctx, epoch.Number, payout); err != nil {
			return err
		}
	}
	next := types.EpochState{Number: epoch.Number + 1, StartHeight: sdk.UnwrapSDKContext(ctx).BlockHeight() + 1}
	if err := k.Epoch.Set(ctx, next); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventEpochEnded{
		Epoch:     epoch.Number,
		TotalWork: epoch.TotalWork,
		Workers:   epoch.Workers,
		Reward:    reward,
	})
}

// availableReward is the reward pool's balance less what ended epochs still
// owe: the reward of the epoch in progress if it ended now.
func (k Keeper) availableReward(ctx context.Context, denom string) (sdk.Coin, error) {
	addr := k.authKeeper.GetModuleAddress(types.RewardPoolName)
	if addr == nil {
		return sdk.Coin{}, types.ErrUnknownModule.Wrapf("module account %s is not configured", types.RewardPoolName)
	}
	available := k.bankKeeper.GetBalance(ctx, addr, denom).Amount
	err := k.PendingPayouts.Walk(ctx, nil, func(_ uint64, p types.PendingPayout) (bool, error) {
		available = available.Sub(p.Amount.Amount.Sub(p.Paid.Amount))
		return false, nil
	})
	if err != nil {
		return sdk.Coin{}, err
	}
	if available.IsNegative() {
		available = sdkmath.ZeroInt()
	}
	return sdk.NewCoin(denom, available), nil
}
