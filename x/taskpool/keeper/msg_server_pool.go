package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// CreateTaskPool creates a pool for an active model; the creator pays the
// pool_creation_fee to the community pool.
func (s msgServer) CreateTaskPool(ctx context.Context, msg *types.MsgCreateTaskPool) (*types.MsgCreateTaskPoolResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	id, err := s.k.createPool(ctx, creator, msg.Name, msg.ModelId, msg.ClaimTimeout, msg.MinReputation, true)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreateTaskPoolResponse{PoolId: id}, nil
}

// SetPoolActive opens or closes a pool to new tasks (creator only).
func (s msgServer) SetPoolActive(ctx context.Context, msg *types.MsgSetPoolActive) (*types.MsgSetPoolActiveResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	if err := s.k.SetPoolActive(ctx, creator, msg.PoolId, msg.Active); err != nil {
		return nil, err
	}
	return &types.MsgSetPoolActiveResponse{}, nil
}
