package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// ReleaseClaim gives back a task worker holds a live claim on: the task is
// OPEN again at once, for any worker to claim, and the worker's claim slot is
// free. The worker pays x/rewards' release_reputation_loss and no slash,
// which params validation keeps at or below what a lapsed claim costs: a
// worker that cannot finish a task (no key for its model version, a failed
// proof) is never better off letting the claim lapse, which would hold the
// task from every other worker until the claim timeout. A claim that has
// already run out cannot be released: its lapse is due. It returns the
// worker's reputation afterwards.
func (k Keeper) ReleaseClaim(ctx context.Context, worker sdk.AccAddress, taskID uint64) (int64, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	task, err := k.claimedBy(ctx, worker, taskID, sdkCtx.BlockTime())
	if err != nil {
		return 0, err
	}
	if err := k.reopen(ctx, task); err != nil {
		return 0, err
	}
	if err := k.updateWorker(ctx, worker, func(w *types.Worker) {
		w.ActiveTaskIds = removeID(w.ActiveTaskIds, task.Id)
	}); err != nil {
		return 0, err
	}
	rep, err := k.rewardsKeeper.PenalizeRelease(ctx, worker)
	if err != nil {
		return 0, err
	}
	return rep, sdkCtx.EventManager().EmitTypedEvent(&types.EventClaimReleased{
		TaskId:     task.Id,
		PoolId:     task.PoolId,
		Worker:     task.Worker,
		Reputation: rep,
	})
}
