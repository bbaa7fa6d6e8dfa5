package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name
// (SubmitTask and ClaimTask exist on both, with different signatures).
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/taskpool. Each handler decodes
// the signer and calls the keeper method of the same name, which does every
// check, so that x/router calling those methods gets the same rules. The one
// difference is the pool creation fee, which only CreateTaskPool charges.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}

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

// SubmitTask escrows the reward and queues the task.
func (s msgServer) SubmitTask(ctx context.Context, msg *types.MsgSubmitTask) (*types.MsgSubmitTaskResponse, error) {
	creator, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	id, err := s.k.SubmitTask(ctx, creator, msg.PoolId, msg.Input, msg.InputEncoding, msg.Reward, msg.Deadline)
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
