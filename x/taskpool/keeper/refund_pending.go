package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// parkTask is what EndBlock does with a task whose expiry failed (expireTask
// returned an error, e.g. the bank refused the refund): instead of dropping
// it with its escrow locked, the task becomes REFUND_PENDING, out of every
// queue, its escrow still held for MsgRetryRefund. A claim it still holds is
// released, unpenalised, as at any deadline. It runs on a fresh branch of the store: none of
// the failed attempt's writes are kept.
func (k Keeper) parkTask(ctx sdk.Context, key collections.Pair[int64, uint64], cause error) error {
	prev, task, err := k.endAtDeadline(ctx, key, types.TASK_STATUS_REFUND_PENDING)
	if err != nil {
		return err
	}
	if prev.Status == types.TASK_STATUS_CLAIMED {
		// The task's failure must not keep the worker's slot taken, nor fail
		// the parking if releasing is what failed.
		if err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error { return k.lapseClaim(ctx, prev, false) }); err != nil {
			k.Logger(ctx).Error("releasing the claim of a task whose refund is pending", "task", task.Id, "err", err)
		}
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventRefundPending{
		TaskId:  task.Id,
		Creator: task.Creator,
		Refund:  task.Reward,
		Reason:  cause.Error(),
	})
}

// RetryRefund pays out the escrow of a REFUND_PENDING task and marks it
// EXPIRED: to its creator, or, when the creator is an address the bank never
// lets receive coins (a blocked module account), to the community pool, from
// where governance can spend it. Anyone may call it: it can only pay the
// escrow where it belongs. A refund that fails again fails the transaction and
// changes nothing. It returns the refund and its recipient.
func (k Keeper) RetryRefund(ctx context.Context, taskID uint64) (sdk.Coin, string, error) {
	task, err := k.GetTask(ctx, taskID)
	if err != nil {
		return sdk.Coin{}, "", err
	}
	if task.Status != types.TASK_STATUS_REFUND_PENDING {
		return sdk.Coin{}, "", errorsmod.Wrapf(types.ErrWrongStatus, "task %d is %s; only REFUND_PENDING tasks have a refund to retry", taskID, task.Status)
	}
	creator, err := k.addressCodec.StringToBytes(task.Creator)
	if err != nil {
		return sdk.Coin{}, "", err
	}
	recipient := task.Creator
	if k.bankKeeper.BlockedAddr(creator) {
		moduleAddr := authtypes.NewModuleAddress(types.ModuleName)
		if err := k.distrKeeper.FundCommunityPool(ctx, sdk.NewCoins(task.Reward), moduleAddr); err != nil {
			return sdk.Coin{}, "", errorsmod.Wrapf(err, "paying %s of task %d to the community pool", task.Reward, taskID)
		}
		if recipient, err = k.addrString(authtypes.NewModuleAddress(distrtypes.ModuleName)); err != nil {
			return sdk.Coin{}, "", err
		}
	} else if err := k.refund(ctx, task); err != nil {
		return sdk.Coin{}, "", err
	}
	prev := task
	task.Status = types.TASK_STATUS_EXPIRED
	if err := k.saveTask(ctx, &prev, task); err != nil {
		return sdk.Coin{}, "", err
	}
	return task.Reward, recipient, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRefundRecovered{
		TaskId:    taskID,
		Creator:   task.Creator,
		Refund:    task.Reward,
		Recipient: recipient,
	})
}
