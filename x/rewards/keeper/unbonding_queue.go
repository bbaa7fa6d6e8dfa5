package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// completeUnbondings returns due unbondings to their workers, oldest first and
// at most params.MaxUnbondingsPerBlock per block; the rest wait for the next
// block. An unbonding that cannot be paid is logged and put back in the
// worker's bond, so that its coins stay accounted for and the queue moves on.
func (k Keeper) completeUnbondings(ctx context.Context, params types.Params) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	var due []collections.Pair[time.Time, uint64]
	err := k.UnbondingQueue.Walk(ctx, collections.NewPrefixUntilPairRange[time.Time, uint64](now),
		func(key collections.Pair[time.Time, uint64]) (bool, error) {
			due = append(due, key)
			return uint32(len(due)) >= params.MaxUnbondingsPerBlock, nil //nolint:gosec // G115: due holds at most MaxUnbondingsPerBlock (a uint32) items
		})
	if err != nil {
		return err
	}
	for _, key := range due {
		id := key.K2()
		err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return k.completeUnbonding(ctx, id) })
		if err == nil {
			continue
		}
		k.Logger(ctx).Error("cannot complete unbonding; returning it to the bond", "id", id, "err", err)
		if err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return k.rebond(ctx, id) }); err != nil {
			k.Logger(ctx).Error("cannot rebond unbonding; dropping it from the queue", "id", id, "err", err)
			if err := k.UnbondingQueue.Remove(ctx, key); err != nil {
				k.Logger(ctx).Error("cannot drop unbonding from the queue", "id", id, "err", err)
			}
		}
	}
	return nil
}

// completeUnbonding pays an unbonding to its worker and deletes it.
func (k Keeper) completeUnbonding(ctx context.Context, id uint64) error {
	u, worker, bond, err := k.takeUnbonding(ctx, id)
	if err != nil {
		return err
	}
	if u.Amount.IsPositive() {
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.BondPoolName, worker, sdk.NewCoins(u.Amount)); err != nil {
			return errorsmod.Wrapf(err, "returning %s to %s", u.Amount, u.Worker)
		}
	}
	if err := k.setBond(ctx, worker, bond); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnbondingCompleted{
		UnbondingId: u.Id,
		Worker:      u.Worker,
		Amount:      u.Amount,
	})
}

// rebond deletes an unbonding and puts its amount back in the worker's
// bonded amount; no coins move, as both are held by the bond pool.
func (k Keeper) rebond(ctx context.Context, id uint64) error {
	u, worker, bond, err := k.takeUnbonding(ctx, id)
	if err != nil {
		return err
	}
	bond.Bonded.Amount = bond.Bonded.Amount.Add(u.Amount.Amount)
	return k.setBond(ctx, worker, bond)
}

// takeUnbonding deletes an unbonding and returns it with its worker and the
// worker's bond, less the unbonding's amount (not yet stored).
func (k Keeper) takeUnbonding(ctx context.Context, id uint64) (types.Unbonding, sdk.AccAddress, types.Bond, error) {
	u, err := k.Unbondings.Get(ctx, id)
	if err != nil {
		return u, nil, types.Bond{}, errorsmod.Wrapf(err, "unbonding %d", id)
	}
	worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "worker", u.Worker)
	if err != nil {
		return u, nil, types.Bond{}, err
	}
	bond, err := k.Bonds.Get(ctx, worker)
	if err != nil {
		return u, nil, bond, errorsmod.Wrapf(err, "bond of %s", u.Worker)
	}
	if bond.Unbonding.Amount.LT(u.Amount.Amount) {
		return u, nil, bond, errorsmod.Wrapf(types.ErrInsufficientBond, "bond of %s has %s unbonding, less than unbonding %d of %s",
			u.Worker, bond.Unbonding, id, u.Amount)
	}
	bond.Unbonding.Amount = bond.Unbonding.Amount.Sub(u.Amount.Amount)
	return u, worker, bond, k.removeUnbonding(ctx, worker, u)
}
