package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// CreatePool creates an active pool for an active model and returns its id.
// It charges no pool_creation_fee: x/router calls it to open the first pool
// of a model for a routed task, whose client pays only the task. Only
// MsgCreateTaskPool charges the fee.
func (k Keeper) CreatePool(ctx context.Context, creator sdk.AccAddress, name string, modelID uint64, claimTimeout time.Duration, minReputation int64) (uint64, error) {
	return k.createPool(ctx, creator, name, modelID, claimTimeout, minReputation, false)
}

// createPool is CreatePool; with chargeFee the creator first pays the
// pool_creation_fee to the community pool, after every check so that a
// refused pool costs nothing.
func (k Keeper) createPool(
	ctx context.Context,
	creator sdk.AccAddress,
	name string,
	modelID uint64,
	claimTimeout time.Duration,
	minReputation int64,
	chargeFee bool,
) (uint64, error) {
	creatorStr, err := k.addrString(creator)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if err := validatePoolName(name, params); err != nil {
		return 0, err
	}
	if err := validateClaimTimeout(claimTimeout, params); err != nil {
		return 0, err
	}
	model, err := k.modelKeeper.GetModel(ctx, modelID)
	if err != nil {
		return 0, err
	}
	if !model.Active {
		return 0, errorsmod.Wrapf(types.ErrModelInactive, "model %d", modelID)
	}
	var fee sdk.Coins
	if chargeFee && !params.PoolCreationFee.IsZero() {
		fee = params.PoolCreationFee
		if err := k.distrKeeper.FundCommunityPool(ctx, fee, creator); err != nil {
			return 0, errorsmod.Wrapf(err, "paying the pool creation fee of %s", fee)
		}
	}

	id, err := k.PoolSeq.Next(ctx)
	if err != nil {
		return 0, err
	}
	pool := types.Pool{
		Id:            id,
		Name:          name,
		ModelId:       modelID,
		Creator:       creatorStr,
		Active:        true,
		ClaimTimeout:  claimTimeout,
		MinReputation: minReputation,
		CreatedHeight: sdk.UnwrapSDKContext(ctx).BlockHeight(),
	}
	if err := k.Pools.Set(ctx, id, pool); err != nil {
		return 0, err
	}
	if err := k.PoolsByModel.Set(ctx, collections.Join(modelID, id)); err != nil {
		return 0, err
	}
	if err := k.setPoolLoad(ctx, pool); err != nil {
		return 0, err
	}
	return id, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPoolCreated{
		PoolId:        id,
		ModelId:       modelID,
		Creator:       creatorStr,
		Name:          name,
		ClaimTimeout:  claimTimeout,
		MinReputation: minReputation,
		Fee:           fee,
	})
}

// SetPoolActive opens or closes a pool to new tasks; only its creator may.
// Tasks already in a closed pool can still be claimed (under the pool's
// minimum reputation), completed, cancelled or expire, so no paid task is
// stranded until its deadline.
func (k Keeper) SetPoolActive(ctx context.Context, creator sdk.AccAddress, poolID uint64, active bool) error {
	pool, err := k.GetPool(ctx, poolID)
	if err != nil {
		return err
	}
	if !k.sameAddress(pool.Creator, creator) {
		return errorsmod.Wrapf(types.ErrUnauthorized, "pool %d was created by %s", poolID, pool.Creator)
	}
	if pool.Active == active {
		return errorsmod.Wrapf(types.ErrNoChange, "pool %d already has active=%t", poolID, active)
	}
	pool.Active = active
	if err := k.Pools.Set(ctx, poolID, pool); err != nil {
		return err
	}
	if err := k.setPoolLoad(ctx, pool); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPoolActiveSet{PoolId: poolID, Active: active})
}

// setPoolLoad puts an active pool into the load index and counts it as
// active, or takes an inactive one out.
func (k Keeper) setPoolLoad(ctx context.Context, pool types.Pool) error {
	key := collections.Join3(pool.ModelId, pool.OpenTasks, pool.Id)
	if pool.Active {
		if err := k.PoolsByLoad.Set(ctx, key); err != nil {
			return err
		}
		return k.updateStats(ctx, func(s *types.Stats) { s.ActivePools++ })
	}
	if err := k.PoolsByLoad.Remove(ctx, key); err != nil {
		return err
	}
	return k.updateStats(ctx, func(s *types.Stats) { s.ActivePools-- })
}
