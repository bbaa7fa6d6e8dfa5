package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
)

// A private task's claim has two phases. Claimed, it waits at most the param
// private_input_window for its creator to post the input, encrypted to the
// worker's key (PostInput); if none comes the claim lapses without penalty
// (EndBlock, awaitingInput) and the task is OPEN again; a missed window counts
// toward max_input_rejections as a rejection does. Once the input is
// posted the worker has the pool's whole claim timeout, from then, to prove
// and submit, and lapses as any worker does. A worker that cannot open the
// posted input, or finds it does not match the commitment, rejects it
// (RejectInput): no penalty, the task is OPEN again, and at the param
// max_input_rejections it is refunded instead. The chain cannot tell whether
// the client or the worker lied; the cap bounds what either can grief.

// awaitInput sets up the first phase of a private task's claim: the worker's
// key, and a claim that lasts the input window (never past the deadline).
func (k Keeper) awaitInput(ctx context.Context, task *types.Task, key []byte, now time.Time) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	task.WorkerKey = key
	task.ClaimExpiry = minTime(now.Add(params.PrivateInputWindow), task.Deadline).UTC()
	return nil
}

// checkClaimKey refuses a claim's encryption key unless it is none, or one
// that an input can be sealed to: the chain would otherwise give a private
// task to a claim that no client can post to, and the task would sit out an
// input window for nothing. The worker pays for the check first.
func checkClaimKey(ctx sdk.Context, key []byte) error {
	if err := types.CheckEncryptionKey(key); err != nil || len(key) == 0 {
		return err
	}
	ctx.GasMeter().ConsumeGas(types.EncryptionKeyCheckGas, "private task claim: encryption key check")
	if err := private.CheckPublicKey(key); err != nil {
		return errorsmod.Wrap(types.ErrEncryptionKey, err.Error())
	}
	return nil
}

// awaitingInput reports whether a claimed task is a private one whose input
// was not posted: its claim lapsing is its creator's doing.
func awaitingInput(task types.Task) bool {
	return task.Private && len(task.InputCiphertext) == 0
}

// PostInput stores the input of a private task of creator's, encrypted to the
// key of the worker that claimed it, once per claim, and gives the worker the
// pool's claim timeout from now (never past the deadline) to prove and
// submit.
func (k Keeper) PostInput(ctx context.Context, creator sdk.AccAddress, taskID uint64, ciphertext []byte) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime()
	if err := types.CheckCiphertext("ciphertext", ciphertext); err != nil {
		return err
	}
	task, err := k.GetTask(ctx, taskID)
	if err != nil {
		return err
	}
	if !k.sameAddress(task.Creator, creator) {
		return errorsmod.Wrapf(types.ErrUnauthorized, "task %d was submitted by %s", taskID, task.Creator)
	}
	if !task.Private {
		return errorsmod.Wrapf(types.ErrInvalidPrivateTask, "task %d is public: its input is on chain", taskID)
	}
	if task.Status != types.TASK_STATUS_CLAIMED {
		return errorsmod.Wrapf(types.ErrWrongStatus, "task %d is %s: its input is posted while it is CLAIMED", taskID, task.Status)
	}
	worker, err := k.addressCodec.StringToBytes(task.Worker)
	if err != nil {
		return err
	}
	if task, err = k.claimedBy(ctx, worker, taskID, now); err != nil {
		return err
	}
	if len(task.InputCiphertext) != 0 {
		return errorsmod.Wrapf(types.ErrInputPosted, "task %d", taskID)
	}
	pool, err := k.GetPool(ctx, task.PoolId)
	if err != nil {
		return err
	}
	clock, err := k.outageClock(ctx)
	if err != nil {
		return err
	}
	prev := task
	task.InputCiphertext = ciphertext
	task.ClaimExpiry = minTime(now.Add(pool.ClaimTimeout), task.Deadline).UTC()
	task.ClaimOutageCredit = clock.Credit
	if err := k.saveTask(ctx, &prev, task); err != nil {
		return err
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventInputPosted{TaskId: taskID, Worker: task.Worker})
}

// RejectInput ends worker's claim on a private task whose posted input it
// cannot open or that does not match the commitment, without penalty: the
// task is OPEN again, or, at max_input_rejections, cancelled and refunded to
// its creator. It returns the task's rejections and whether it was refunded.
func (k Keeper) RejectInput(ctx context.Context, worker sdk.AccAddress, taskID uint64) (uint32, bool, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	task, err := k.claimedBy(ctx, worker, taskID, sdkCtx.BlockTime())
	if err != nil {
		return 0, false, err
	}
	if !task.Private {
		return 0, false, errorsmod.Wrapf(types.ErrInvalidPrivateTask, "task %d is public: there is no posted input to reject", taskID)
	}
	if len(task.InputCiphertext) == 0 {
		return 0, false, errorsmod.Wrapf(types.ErrInputNotPosted, "task %d", taskID)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, false, err
	}
	task.InputRejections++
	refund := task.InputRejections >= params.MaxInputRejections
	if refund {
		err = k.cancelRejected(ctx, task)
	} else {
		err = k.reopen(ctx, task)
	}
	if err != nil {
		return 0, false, err
	}
	if err := k.updateWorker(ctx, worker, func(w *types.Worker) {
		w.ActiveTaskIds = removeID(w.ActiveTaskIds, task.Id)
	}); err != nil {
		return 0, false, err
	}
	return task.InputRejections, refund, sdkCtx.EventManager().EmitTypedEvent(&types.EventInputRejected{
		TaskId:     task.Id,
		Worker:     task.Worker,
		Rejections: task.InputRejections,
		Refunded:   refund,
	})
}

// cancelRejected ends a claimed private task whose input was rejected
// max_input_rejections times: CANCELLED, its escrow refunded to its creator.
func (k Keeper) cancelRejected(ctx context.Context, claimed types.Task) error {
	task := claimed
	task.Status = types.TASK_STATUS_CANCELLED
	if err := k.saveTask(ctx, &claimed, task); err != nil {
		return err
	}
	if err := k.refund(ctx, task); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTaskCancelled{
		TaskId:  task.Id,
		Creator: task.Creator,
		Refund:  task.Reward,
	})
}

// endInputWindow ends a private task's claim whose creator did not post the
// input within the window. The missed window counts toward
// max_input_rejections as a rejection does: each one keeps a worker waiting
// for the window's length, so without the cap a client could hold workers
// idle again and again for the price of one escrow. At the cap the task is
// cancelled and refunded; until then it is OPEN again.
func (k Keeper) endInputWindow(ctx context.Context, claimed types.Task) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	claimed.InputRejections++
	if claimed.InputRejections >= params.MaxInputRejections {
		return k.cancelRejected(ctx, claimed)
	}
	return k.reopen(ctx, claimed)
}

// minTime is the earlier of a and b.
func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
