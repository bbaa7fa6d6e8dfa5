package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// ClaimTask claims a task for the signing worker. The eligibility checks
// live in the keeper, so that authz MsgExec cannot bypass them.
func (s msgServer) ClaimTask(ctx context.Context, msg *types.MsgClaimTask) (*types.MsgClaimTaskResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	id, err := s.k.ClaimTaskWithKey(ctx, worker, msg.PoolId, msg.TaskId, msg.EncryptionKey)
	if err != nil {
		return nil, err
	}
	task, err := s.k.GetTask(ctx, id)
	if err != nil {
		return nil, err
	}
	return &types.MsgClaimTaskResponse{TaskId: id, ClaimExpiry: task.ClaimExpiry}, nil
}

// ReleaseClaim gives a task the signing worker holds back to its pool. The
// checks live in the keeper, so that authz MsgExec cannot bypass them.
func (s msgServer) ReleaseClaim(ctx context.Context, msg *types.MsgReleaseClaim) (*types.MsgReleaseClaimResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	rep, err := s.k.ReleaseClaim(ctx, worker, msg.TaskId)
	if err != nil {
		return nil, err
	}
	return &types.MsgReleaseClaimResponse{Reputation: rep}, nil
}
