package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// ClaimBest claims for worker up to count tasks, best first. Each claim is
// exactly a ClaimBest of one on the state the previous claims left (the same
// checks, reads and writes, so the same gas as claimed alone: the message
// only saves the transactions). It stops early when no task is claimable any
// more or when the worker reaches max_active_tasks, and returns the tasks
// claimed; it fails, claiming nothing, only when the first claim fails.
func (k Keeper) ClaimBest(ctx context.Context, worker sdk.AccAddress, want tptypes.ClaimFilter, count uint32) ([]tptypes.Task, error) {
	claimed := make([]tptypes.Task, 0, count)
	for range max(count, 1) {
		task, err := k.claimOne(ctx, worker, want)
		if err != nil {
			if len(claimed) > 0 && (errors.Is(err, types.ErrNoTaskAvailable) || errors.Is(err, tptypes.ErrTooManyTasks)) {
				break
			}
			return nil, err
		}
		claimed = append(claimed, task)
	}
	return claimed, nil
}

// claimOne claims the best task worker may take under want: the open task
// with the highest reward among the pools its reputation admits it to,
// closed pools included (their open tasks stay claimable). x/taskpool's
// ClaimTask makes every worker check (registered, active, bonded, below the
// active-task limit).
func (k Keeper) claimOne(ctx context.Context, worker sdk.AccAddress, want tptypes.ClaimFilter) (tptypes.Task, error) {
	if err := k.taskpool.CheckWorkerMayClaim(ctx, worker); err != nil {
		return tptypes.Task{}, err
	}
	rep, err := k.rewards.Reputation(ctx, worker)
	if err != nil {
		return tptypes.Task{}, err
	}
	task, found, err := k.taskpool.BestOpenTask(ctx, want, rep)
	if err != nil {
		return tptypes.Task{}, err
	}
	if !found {
		return tptypes.Task{}, errorsmod.Wrapf(types.ErrNoTaskAvailable, "%sat reputation %d", describeFilter(want), rep)
	}
	if _, err := k.taskpool.ClaimTaskWithKey(ctx, worker, task.PoolId, task.Id, want.EncryptionKey); err != nil {
		return tptypes.Task{}, err
	}
	return task, nil
}
