package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// CheckMinBond returns a clear error unless the worker has at least
// min_worker_bond bonded (not counting coins that are unbonding).
func (k Keeper) CheckMinBond(ctx context.Context, worker sdk.AccAddress) error {
	workerStr, err := k.addressString(worker, "worker")
	if err != nil {
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	bond, err := k.GetBond(ctx, worker)
	if err != nil {
		return err
	}
	if bond.Bonded.Amount.LT(params.MinWorkerBond.Amount) {
		return errorsmod.Wrapf(types.ErrInsufficientBond, "worker %s has %s bonded, %s is required to claim a task",
			workerStr, bond.Bonded, params.MinWorkerBond)
	}
	return nil
}

// GetBond returns a worker's bond, or a zero bond in the bond denom if the
// worker has none.
func (k Keeper) GetBond(ctx context.Context, worker sdk.AccAddress) (types.Bond, error) {
	bond, err := k.Bonds.Get(ctx, worker)
	if err == nil {
		return bond, nil
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return bond, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return bond, err
	}
	workerStr, err := k.addressString(worker, "worker")
	if err != nil {
		return bond, err
	}
	zero := sdk.NewInt64Coin(params.BondDenom(), 0)
	return types.Bond{Worker: workerStr, Bonded: zero, Unbonding: zero}, nil
}

// setBond stores a bond, or deletes it once nothing is bonded or unbonding,
// so that the store keeps no empty records.
func (k Keeper) setBond(ctx context.Context, worker sdk.AccAddress, bond types.Bond) error {
	if bond.Bonded.IsZero() && bond.Unbonding.IsZero() {
		return k.Bonds.Remove(ctx, worker)
	}
	return k.Bonds.Set(ctx, worker, bond)
}

// addBond moves amount from the worker into the bond pool and adds it to the
// worker's bond. The amount must have been validated.
func (k Keeper) addBond(ctx context.Context, worker sdk.AccAddress, amount sdk.Coin) (types.Bond, error) {
	bond, err := k.GetBond(ctx, worker)
	if err != nil {
		return bond, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, worker, types.BondPoolName, sdk.NewCoins(amount)); err != nil {
		return bond, errorsmod.Wrapf(err, "bonding %s", amount)
	}
	bond.Bonded = bond.Bonded.Add(amount)
	return bond, k.setBond(ctx, worker, bond)
}

// startUnbonding moves amount of the worker's bond to a new unbonding entry
// that completes after the unbonding period. The amount must have been validated.
func (k Keeper) startUnbonding(ctx context.Context, worker sdk.AccAddress, amount sdk.Coin, params types.Params) (types.Unbonding, error) {
	bond, err := k.Bonds.Get(ctx, worker)
	if errors.Is(err, collections.ErrNotFound) {
		workerStr, _ := k.addressString(worker, "worker") // decoded by the caller
		return types.Unbonding{}, errorsmod.Wrapf(types.ErrBondNotFound, "worker %s has no bond", workerStr)
	}
	if err != nil {
		return types.Unbonding{}, err
	}
	if bond.Bonded.Amount.LT(amount.Amount) {
		return types.Unbonding{}, errorsmod.Wrapf(types.ErrInsufficientBond, "cannot unbond %s: worker %s has %s bonded",
			amount, bond.Worker, bond.Bonded)
	}
	entries, err := k.countUnbondings(ctx, worker, params.MaxUnbondingEntries)
	if err != nil {
		return types.Unbonding{}, err
	}
	if entries >= params.MaxUnbondingEntries {
		return types.Unbonding{}, errorsmod.Wrapf(types.ErrTooManyUnbondings, "worker %s already has %d unbondings, the limit is %d",
			bond.Worker, entries, params.MaxUnbondingEntries)
	}

	id, err := k.UnbondingSeq.Next(ctx)
	if err != nil {
		return types.Unbonding{}, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	u := types.Unbonding{
		Id:             id,
		Worker:         bond.Worker,
		Amount:         amount,
		CompletionTime: sdkCtx.BlockTime().Add(params.UnbondingPeriod),
		CreationHeight: sdkCtx.BlockHeight(),
	}
	if err := k.addUnbonding(ctx, worker, u); err != nil {
		return u, err
	}
	bond.Bonded = bond.Bonded.Sub(amount)
	bond.Unbonding = bond.Unbonding.Add(amount)
	return u, k.setBond(ctx, worker, bond)
}

// addUnbonding stores an unbonding entry with its queue and worker index keys.
func (k Keeper) addUnbonding(ctx context.Context, worker sdk.AccAddress, u types.Unbonding) error {
	if err := k.Unbondings.Set(ctx, u.Id, u); err != nil {
		return err
	}
	if err := k.UnbondingQueue.Set(ctx, collections.Join(u.CompletionTime, u.Id)); err != nil {
		return err
	}
	return k.UnbondingsByWorker.Set(ctx, collections.Join(worker, u.Id))
}

// removeUnbonding deletes an unbonding entry and its index keys.
func (k Keeper) removeUnbonding(ctx context.Context, worker sdk.AccAddress, u types.Unbonding) error {
	if err := k.Unbondings.Remove(ctx, u.Id); err != nil {
		return err
	}
	if err := k.UnbondingQueue.Remove(ctx, collections.Join(u.CompletionTime, u.Id)); err != nil {
		return err
	}
	return k.UnbondingsByWorker.Remove(ctx, collections.Join(worker, u.Id))
}

// countUnbondings counts a worker's unbondings, reading at most limit keys.
func (k Keeper) countUnbondings(ctx context.Context, worker sdk.AccAddress, limit uint32) (uint32, error) {
	var n uint32
	err := k.UnbondingsByWorker.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](worker),
		func(collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
			n++
			return n >= limit, nil
		})
	return n, err
}

// workerUnbondings returns a worker's unbondings in id order.
func (k Keeper) workerUnbondings(ctx context.Context, worker sdk.AccAddress) ([]types.Unbonding, error) {
	var ids []uint64
	err := k.UnbondingsByWorker.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](worker),
		func(key collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
			ids = append(ids, key.K2())
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	out := make([]types.Unbonding, 0, len(ids))
	for _, id := range ids {
		u, err := k.Unbondings.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}
