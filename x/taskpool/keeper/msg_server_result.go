package keeper

import (
	"context"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

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
