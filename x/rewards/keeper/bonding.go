package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// Bond moves amount, any positive amount of the bond denom, from the worker
// into its bond and returns the bond.
func (k Keeper) Bond(ctx context.Context, worker sdk.AccAddress, amount sdk.Coin) (types.Bond, error) {
	workerStr, _, err := k.checkAmount(ctx, worker, "worker", amount)
	if err != nil {
		return types.Bond{}, err
	}
	bond, err := k.addBond(ctx, worker, amount)
	if err != nil {
		return types.Bond{}, err
	}
	return bond, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventBonded{
		Worker: workerStr,
		Amount: amount,
		Bonded: bond.Bonded,
	})
}

// Unbond starts returning amount of the worker's bond and returns the
// unbonding. The coins stay in the bond pool, and slashable, until the
// unbonding period has passed.
func (k Keeper) Unbond(ctx context.Context, worker sdk.AccAddress, amount sdk.Coin) (types.Unbonding, error) {
	workerStr, params, err := k.checkAmount(ctx, worker, "worker", amount)
	if err != nil {
		return types.Unbonding{}, err
	}
	u, err := k.startUnbonding(ctx, worker, amount, params)
	if err != nil {
		return types.Unbonding{}, err
	}
	return u, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnbondingStarted{
		UnbondingId:    u.Id,
		Worker:         workerStr,
		Amount:         u.Amount,
		CompletionTime: u.CompletionTime,
	})
}

// FundRewardPool moves amount from anyone into the epoch reward pool. Only the
// bond denom is accepted, so that payouts stay one transfer per worker.
func (k Keeper) FundRewardPool(ctx context.Context, funder sdk.AccAddress, amount sdk.Coin) error {
	funderStr, _, err := k.checkAmount(ctx, funder, "funder", amount)
	if err != nil {
		return err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, funder, types.RewardPoolName, sdk.NewCoins(amount)); err != nil {
		return errorsmod.Wrapf(err, "funding the reward pool with %s", amount)
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRewardPoolFunded{
		Funder: funderStr,
		Amount: amount,
	})
}

// checkAmount is how Bond, Unbond and FundRewardPool start: the account's
// spelling for the event, then the amount against the params, which it
// returns.
func (k Keeper) checkAmount(ctx context.Context, addr sdk.AccAddress, field string, amount sdk.Coin) (string, types.Params, error) {
	addrStr, err := k.addressString(addr, field)
	if err != nil {
		return "", types.Params{}, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return "", params, err
	}
	return addrStr, params, validateBondAmount(amount, params)
}
