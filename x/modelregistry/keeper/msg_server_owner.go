package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// UpdateModelPrice sets the minimum reward of new tasks. Tasks already
// submitted keep the reward they escrowed.
func (s msgServer) UpdateModelPrice(ctx context.Context, msg *types.MsgUpdateModelPrice) (*types.MsgUpdateModelPriceResponse, error) {
	k := s.k
	model, err := k.ownedModel(ctx, msg.Owner, msg.Id)
	if err != nil {
		return nil, err
	}
	if err := k.validatePrice(ctx, msg.Price); err != nil {
		return nil, err
	}
	old := model.Price
	model.Price = msg.Price
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelPriceResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelPriceUpdated{
		ModelId:  model.Id,
		OldPrice: old,
		NewPrice: msg.Price,
	})
}

// SetModelActive switches a model on or off for new tasks. Tasks already
// submitted for an inactive model can still be completed, cancelled or expire.
func (s msgServer) SetModelActive(ctx context.Context, msg *types.MsgSetModelActive) (*types.MsgSetModelActiveResponse, error) {
	k := s.k
	model, err := k.ownedModel(ctx, msg.Owner, msg.Id)
	if err != nil {
		return nil, err
	}
	if model.Active == msg.Active {
		return nil, errorsmod.Wrapf(types.ErrNoChange, "model %d already has active=%t", model.Id, model.Active)
	}
	model.Active = msg.Active
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	return &types.MsgSetModelActiveResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelActiveSet{
		ModelId: model.Id,
		Active:  model.Active,
	})
}

// TransferModelOwnership hands a model, its royalties and its controls to a new owner.
func (s msgServer) TransferModelOwnership(ctx context.Context, msg *types.MsgTransferModelOwnership) (*types.MsgTransferModelOwnershipResponse, error) {
	k := s.k
	model, err := k.ownedModel(ctx, msg.Owner, msg.Id)
	if err != nil {
		return nil, err
	}
	newOwnerBz, err := k.addressCodec.StringToBytes(msg.NewOwner)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "new owner: %s", err)
	}
	newOwner, err := k.addressCodec.BytesToString(newOwnerBz)
	if err != nil {
		return nil, err
	}
	if newOwner == model.Owner {
		return nil, errorsmod.Wrap(types.ErrNoChange, "new owner is the current owner")
	}
	previous := model.Owner
	previousBz, err := k.addressCodec.StringToBytes(previous)
	if err != nil {
		return nil, err
	}
	if err := k.ModelsByOwner.Remove(ctx, collections.Join(sdk.AccAddress(previousBz), model.Id)); err != nil {
		return nil, err
	}
	model.Owner = newOwner
	if err := k.addModel(ctx, model); err != nil {
		return nil, err
	}
	return &types.MsgTransferModelOwnershipResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelOwnershipTransferred{
		ModelId:       model.Id,
		PreviousOwner: previous,
		NewOwner:      newOwner,
	})
}

// UpdateParams replaces the module params; only the authority may.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	k := s.k
	if msg.Authority != k.authority {
		return nil, errorsmod.Wrapf(types.ErrInvalidAuthority, "expected %s, got %s", k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	return &types.MsgUpdateParamsResponse{}, k.Params.Set(ctx, msg.Params)
}
