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

// recordWork adds work (the protocol fee a settled task paid, in the bond
// denom) to worker's work in the epoch in progress and returns the epoch's
// number. Epoch rewards are shared by work, so a worker who routes tasks to
// itself buys its share only at the price of the fee those tasks pay; zero
// work (a zero fee, or an escrow in another denom) records nothing. The
// epoch's total saturates at 2^64-1 and each entry only grows by what the
// total could take, so the entries always add up to the total.
func (k Keeper) recordWork(ctx context.Context, worker sdk.AccAddress, work uint64) (uint64, error) {
	epoch, err := k.Epoch.Get(ctx)
	if err != nil {
		return 0, err
	}
	work = min(work, math.MaxUint64-epoch.TotalWork)
	if work == 0 {
		return epoch.Number, nil
	}
	key := collections.Join(epoch.Number, worker)
	done, err := k.EpochWork.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		epoch.Workers++
	case err != nil:
		return 0, err
	}
	epoch.TotalWork += work
	if err := k.EpochWork.Set(ctx, key, done+work); err != nil {
		return 0, err
	}
	return epoch.Number, k.Epoch.Set(ctx, epoch)
}

// feeWork is the epoch work of a settled task: the protocol fee it paid
// (community and reward pool shares) when the escrow is in the bond denom,
// else zero, saturating at 2^64-1.
func feeWork(split types.Split, escrowDenom string, params types.Params) uint64 {
	if escrowDenom != params.BondDenom() {
		return 0
	}
	fee := split.CommunityPool.Add(split.RewardPool)
	if !fee.IsUint64() {
		return math.MaxUint64
	}
	return fee.Uint64()
}

// endEpoch ends the epoch in progress: if any work was done, the pool's
// available balance is set aside as the epoch's reward, to be paid out a few
// workers per block; then the next epoch starts. An epoch without work (in
// particular any epoch while the protocol fee is zero) pays no one, and the
// pool keeps its balance for a later epoch.
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
