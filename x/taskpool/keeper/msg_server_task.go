package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// SubmitTask escrows the reward and queues the task, public or private.
func (s msgServer) SubmitTask(ctx context.Context, msg *types.MsgSubmitTask) (*types.MsgSubmitTaskResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	var id uint64
	if msg.Private {
		id, err = s.k.SubmitPrivateTask(ctx, creator, msg.PoolId, msg.InputCommitment, msg.SelfCiphertext, msg.Reward, msg.Deadline)
	} else {
		id, err = s.k.SubmitTask(ctx, creator, msg.PoolId, msg.Input, msg.InputEncoding, msg.Reward, msg.Deadline)
	}
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitTaskResponse{TaskId: id}, nil
}

// CancelTask refunds an OPEN task to its creator.
func (s msgServer) CancelTask(ctx context.Context, msg *types.MsgCancelTask) (*types.MsgCancelTaskResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	refund, err := s.k.CancelTask(ctx, creator, msg.TaskId)
	if err != nil {
		return nil, err
	}
	return &types.MsgCancelTaskResponse{Refund: refund}, nil
}
