package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// PostInput gives the worker that claimed the signer's private task its
// input, encrypted to the worker's key.
func (s msgServer) PostInput(ctx context.Context, msg *types.MsgPostInput) (*types.MsgPostInputResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	if err := s.k.PostInput(ctx, creator, msg.TaskId, msg.Ciphertext); err != nil {
		return nil, err
	}
	return &types.MsgPostInputResponse{}, nil
}

// RejectInput refuses the posted input of a private task the signer claimed.
func (s msgServer) RejectInput(ctx context.Context, msg *types.MsgRejectInput) (*types.MsgRejectInputResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	rejections, refunded, err := s.k.RejectInput(ctx, worker, msg.TaskId)
	if err != nil {
		return nil, err
	}
	return &types.MsgRejectInputResponse{Rejections: rejections, Refunded: refunded}, nil
}
