package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// UpdateModelPrice sets the minimum reward of new tasks of owner's model and,
// when private is given, of its private tasks (zero stops them); a nil
// private leaves the private price as it is, which must then still be in the
// new price's denom. Tasks already submitted keep the reward they escrowed.
func (k Keeper) UpdateModelPrice(ctx context.Context, owner sdk.AccAddress, id uint64, price sdk.Coin, private *sdk.Coin) error {
	model, err := k.ownedModel(ctx, owner, id)
	if err != nil {
		return err
	}
	if err := k.validatePrice(ctx, price); err != nil {
		return err
	}
	newPrivate := model.PrivatePrice
	if private != nil {
		newPrivate = *private
	}
	if err := types.CheckPrivatePrice(price, newPrivate); err != nil {
		return errorsmod.Wrap(types.ErrInvalidPrice, err.Error())
	}
	old, oldPrivate := model.Price, model.PrivatePrice
	model.Price, model.PrivatePrice = price, newPrivate
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelPriceUpdated{
		ModelId:         model.Id,
		OldPrice:        old,
		NewPrice:        price,
		OldPrivatePrice: oldPrivate,
		NewPrivatePrice: newPrivate,
	})
}

// SetModelActive switches owner's model on or off for new tasks. Tasks
// already submitted for an inactive model can still be completed, cancelled
// or expire.
func (k Keeper) SetModelActive(ctx context.Context, owner sdk.AccAddress, id uint64, active bool) error {
	model, err := k.ownedModel(ctx, owner, id)
	if err != nil {
		return err
	}
	if model.Active == active {
		return errorsmod.Wrapf(types.ErrNoChange, "model %d already has active=%t", model.Id, model.Active)
	}
	model.Active = active
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelActiveSet{
		ModelId: model.Id,
		Active:  model.Active,
	})
}

// TransferModelOwnership hands owner's model, its royalties and its controls
// to newOwner. newOwner is decoded here, after the model is loaded, as the
// message handler always did (the failing transaction's gas is the same).
func (k Keeper) TransferModelOwnership(ctx context.Context, owner sdk.AccAddress, id uint64, newOwner string) error {
	model, err := k.ownedModel(ctx, owner, id)
	if err != nil {
		return err
	}
	_, newOwner, err = keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "new owner", newOwner)
	if err != nil {
		return err
	}
	if newOwner == model.Owner {
		return errorsmod.Wrap(types.ErrNoChange, "new owner is the current owner")
	}
	previous := model.Owner
	previousBz, err := k.addressCodec.StringToBytes(previous)
	if err != nil {
		return err
	}
	if err := k.ModelsByOwner.Remove(ctx, collections.Join(sdk.AccAddress(previousBz), model.Id)); err != nil {
		return err
	}
	model.Owner = newOwner
	if err := k.addModel(ctx, model); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelOwnershipTransferred{
		ModelId:       model.Id,
		PreviousOwner: previous,
		NewOwner:      newOwner,
	})
}
