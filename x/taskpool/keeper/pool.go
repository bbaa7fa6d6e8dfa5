package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// CreatePool creates an active pool for an active model and returns its id.
// x/router calls it to open a routable pool for a model that has none, for a
// routed task whose client pays only the task: it charges no
// pool_creation_fee and does not ask for the model's owner. Only
// MsgCreateTaskPool does both.
func (k Keeper) CreatePool(ctx context.Context, creator sdk.AccAddress, name string, modelID uint64, claimTimeout time.Duration, minReputation int64) (uint64, error) {
	return k.createPool(ctx, creator, name, modelID, claimTimeout, minReputation, false)
}

// createPool is CreatePool. signed is true for a MsgCreateTaskPool: its
// creator must own the model, and pays the pool_creation_fee to the
// community pool after every check, so that a refused pool costs nothing.
//
// Only a model's owner may open pools for it, because a pool's terms (its
// minimum reputation and claim timeout) decide which workers can serve the
// tasks put in it, and routed tasks go to the model's pools. The owner sets
// the model's price, versions and activity already and earns its royalty
// only when tasks are served; anyone else could only use a pool to hold
// other people's tasks where nobody serves them. The owner can let others
// open pools for it with an authz grant of MsgCreateTaskPool.
func (k Keeper) createPool(
	ctx context.Context,
	creator sdk.AccAddress,
	name string,
	modelID uint64,
	claimTimeout time.Duration,
	minReputation int64,
	signed bool,
) (uint64, error) {
	creatorStr, err := k.addrString(creator)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if err := keeperutil.CheckText(types.ErrInvalidPool, "name", name, uint64(params.MaxPoolNameLength)); err != nil {
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
	if signed && !k.sameAddress(model.Owner, creator) {
		return 0, errorsmod.Wrapf(types.ErrUnauthorized, "only the owner of model %d, %s, may open pools for it", modelID, model.Owner)
	}
	var fee sdk.Coins
	if signed && !params.PoolCreationFee.IsZero() {
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

// setPoolLoad counts a pool as active or not, and puts it into the load
// index if it is routable, or takes it out.
func (k Keeper) setPoolLoad(ctx context.Context, pool types.Pool) error {
	key := collections.Join3(pool.ModelId, pool.OpenTasks, pool.Id)
	if pool.Routable() {
		if err := k.PoolsByLoad.Set(ctx, key); err != nil {
			return err
		}
	} else if err := k.PoolsByLoad.Remove(ctx, key); err != nil {
		return err
	}
	return k.updateStats(ctx, func(s *types.Stats) {
		if pool.Active {
			s.ActivePools++
		} else {
			s.ActivePools--
		}
	})
}
