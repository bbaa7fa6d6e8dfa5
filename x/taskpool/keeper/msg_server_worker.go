package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

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
	id, err := s.k.ClaimTask(ctx, worker, msg.PoolId, msg.TaskId)
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

// SubmitResult checks the cheap size caps first, then hands the result to
// the keeper, which verifies the proof and settles the task.
func (s msgServer) SubmitResult(ctx context.Context, msg *types.MsgSubmitResult) (*types.MsgSubmitResultResponse, error) {
	if err := types.CheckResultSizes(msg.Output, msg.Proof); err != nil {
		return nil, err
	}
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	share, err := s.k.SubmitResult(ctx, worker, msg.TaskId, msg.Output, msg.Proof)
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitResultResponse{WorkerReward: share}, nil
}

// RegisterWorker registers or reactivates the signer as a worker.
func (s msgServer) RegisterWorker(ctx context.Context, msg *types.MsgRegisterWorker) (*types.MsgRegisterWorkerResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	if err := s.k.RegisterWorker(ctx, worker); err != nil {
		return nil, err
	}
	return &types.MsgRegisterWorkerResponse{}, nil
}

// DeactivateWorker stops the signer from claiming new tasks.
func (s msgServer) DeactivateWorker(ctx context.Context, msg *types.MsgDeactivateWorker) (*types.MsgDeactivateWorkerResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	if err := s.k.DeactivateWorker(ctx, worker); err != nil {
		return nil, err
	}
	return &types.MsgDeactivateWorkerResponse{}, nil
}

// UpdateParams replaces the module params; only the authority may.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != s.k.authority {
		return nil, errorsmod.Wrapf(types.ErrInvalidAuthority, "expected %s, got %s", s.k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	if err := s.k.checkClaimsWithinUnbonding(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}
