package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// UpdateModelPrice sets the minimum reward of new tasks (Keeper.UpdateModelPrice).
func (s msgServer) UpdateModelPrice(ctx context.Context, msg *types.MsgUpdateModelPrice) (*types.MsgUpdateModelPriceResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := s.k.UpdateModelPrice(ctx, owner, msg.Id, msg.Price, msg.PrivatePrice); err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelPriceResponse{}, nil
}

// SetModelActive switches a model on or off for new tasks (Keeper.SetModelActive).
func (s msgServer) SetModelActive(ctx context.Context, msg *types.MsgSetModelActive) (*types.MsgSetModelActiveResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := s.k.SetModelActive(ctx, owner, msg.Id, msg.Active); err != nil {
		return nil, err
	}
	return &types.MsgSetModelActiveResponse{}, nil
}

// TransferModelOwnership hands a model to a new owner (Keeper.TransferModelOwnership).
func (s msgServer) TransferModelOwnership(ctx context.Context, msg *types.MsgTransferModelOwnership) (*types.MsgTransferModelOwnershipResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := s.k.TransferModelOwnership(ctx, owner, msg.Id, msg.NewOwner); err != nil {
		return nil, err
	}
	return &types.MsgTransferModelOwnershipResponse{}, nil
}
