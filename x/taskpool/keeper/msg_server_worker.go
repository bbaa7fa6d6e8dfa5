package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

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
