package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// BeginSetup opens the multi-party setup of a PENDING version (Keeper.BeginSetup).
func (s msgServer) BeginSetup(ctx context.Context, msg *types.MsgBeginSetup) (*types.MsgBeginSetupResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := s.k.BeginSetup(ctx, owner, msg); err != nil {
		return nil, err
	}
	return &types.MsgBeginSetupResponse{}, nil
}

// ContributeSetup records a contribution to an open setup (Keeper.ContributeSetup). The keeper
// decodes the contributor itself: the check's cost is charged before anything is decoded.
func (s msgServer) ContributeSetup(ctx context.Context, msg *types.MsgContributeSetup) (*types.MsgContributeSetupResponse, error) {
	index, err := s.k.ContributeSetup(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgContributeSetupResponse{Index: index}, nil
}

// FinalizeSetup seals a setup and makes its version take tasks (Keeper.FinalizeSetup).
func (s msgServer) FinalizeSetup(ctx context.Context, msg *types.MsgFinalizeSetup) (*types.MsgFinalizeSetupResponse, error) {
	owner, err := s.decodeOwner(msg.Owner)
	if err != nil {
		return nil, err
	}
	vkHash, err := s.k.FinalizeSetup(ctx, owner, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgFinalizeSetupResponse{VerifyingKeyHash: vkHash}, nil
}

// RetireVersion stops new tasks for a version; only the authority may (Keeper.RetireVersion).
func (s msgServer) RetireVersion(ctx context.Context, msg *types.MsgRetireVersion) (*types.MsgRetireVersionResponse, error) {
	if err := s.k.RetireVersion(ctx, msg.Authority, msg.ModelId, msg.Version); err != nil {
		return nil, err
	}
	return &types.MsgRetireVersionResponse{}, nil
}
