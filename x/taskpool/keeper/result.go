package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// SubmitResult completes a task claimed by worker with output, if proof shows
// that output is the model version's output on the task input for this chain,
// task and worker. Every public input is computed here, never read from the
// message. On success the escrow is settled through x/rewards and the
// worker's share is returned; on failure nothing changes and the claim stays.
//
// The verification gas (verifier.VerifyGas) was charged by the ante handler
// (app/preverify's GasDecorator) for every result of the transaction, before
// anything verified a proof, so it is not charged here. The proof may have
// been verified ahead of execution (in CheckTx or in ProcessProposal) by the
// same verifier.Verifier: its Verify then answers from its cache of verified
// proofs. The result and the gas are the same either way.
func (k Keeper) SubmitResult(ctx context.Context, worker sdk.AccAddress, taskID uint64, output, proof []byte) (sdk.Coin, error) {
	st, vk, task, err := k.resultStatement(ctx, worker, taskID, output, proof)
	if err != nil {
		return sdk.Coin{}, err
	}
	if err := k.proofs.Verify(vk, proof, st); err != nil {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrInvalidProof, "task %d: %s", task.Id, err)
	}
	return k.settle(ctx, worker, task, output, proof)
}

// ResultStatement returns what SubmitResult would verify msg's proof against
// in the current state: the statement and the model version's verifying key.
// It runs every check SubmitResult makes before verifying (sizes, a live
// claim by the signer, the output's shape), with the same reads in the same
// order, and writes nothing. SubmitResult itself goes through it, so the
// pre-verifiers that warm the verified-proof cache (app/preverify) cannot
// drift from the handler: a statement they verify is the one the handler
// will look up.
func (k Keeper) ResultStatement(ctx context.Context, msg *types.MsgSubmitResult) (verifier.Statement, []byte, error) {
	worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return verifier.Statement{}, nil, err
	}
	st, vk, _, err := k.resultStatement(ctx, worker, msg.TaskId, msg.Output, msg.Proof)
	return st, vk, err
}

// resultStatement is ResultStatement for a decoded worker, also returning the
// task.
func (k Keeper) resultStatement(ctx context.Context, worker sdk.AccAddress, taskID uint64, output, proof []byte) (verifier.Statement, []byte, types.Task, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if err := types.CheckResultSizes(output, proof); err != nil {
		return verifier.Statement{}, nil, types.Task{}, err
	}
	task, err := k.claimedBy(ctx, worker, taskID, sdkCtx.BlockTime())
	if err != nil {
		return verifier.Statement{}, nil, task, err
	}
	version, err := k.modelKeeper.GetModelVersion(ctx, task.ModelId, task.ModelVersion)
	if err != nil {
		return verifier.Statement{}, nil, task, err
	}
	stOutput, err := statementOutput(sdkCtx, task, version, output)
	if err != nil {
		return verifier.Statement{}, nil, task, err
	}
	inputCommitment, err := storedInputCommitment(task, version)
	if err != nil {
		return verifier.Statement{}, nil, task, err
	}
	st := verifier.Statement{
		ChainID:         sdkCtx.ChainID(),
		TaskID:          task.Id,
		Worker:          worker,
		InputCommitment: inputCommitment,
		Output:          stOutput,
		Sealed:          version.Private,
	}
	return st, version.VerifyingKey, task, nil
}

// claimedBy loads a task and checks that worker holds a live claim on it and
// that its deadline has not passed. The claim's expiry excludes the chain's
// outages (outage.go).
func (k Keeper) claimedBy(ctx context.Context, worker sdk.AccAddress, taskID uint64, now time.Time) (types.Task, error) {
	task, err := k.GetTask(ctx, taskID)
	if err != nil {
		return task, err
	}
	if task.Status != types.TASK_STATUS_CLAIMED {
		return task, errorsmod.Wrapf(types.ErrWrongStatus, "task %d is %s, not CLAIMED", taskID, task.Status)
	}
	if !k.sameAddress(task.Worker, worker) {
		return task, errorsmod.Wrapf(types.ErrNotAssigned, "task %d is claimed by %s", taskID, task.Worker)
	}
	if !now.Before(task.Deadline) {
		return task, errorsmod.Wrapf(types.ErrDeadlinePassed, "task %d expired at %s", taskID, task.Deadline.Format(time.RFC3339))
	}
	expiry, _, err := k.claimExpiry(ctx, task)
	if err != nil {
		return task, err
	}
	if !now.Before(expiry) {
		return task, errorsmod.Wrapf(types.ErrClaimExpired, "the claim on task %d lapsed at %s", taskID, expiry.Format(time.RFC3339))
	}
	return task, nil
}

// checkOutput checks that output decodes to a vector of the model version's
// output length.
func checkOutput(output []byte, version mrtypes.ModelVersion) error {
	v, err := vector.Decode(output)
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidOutput, err.Error())
	}
	if len(v) != int(version.OutputLength) {
		return errorsmod.Wrapf(types.ErrInvalidOutput, "%d elements, model %d version %d outputs %d",
			len(v), version.ModelId, version.Version, version.OutputLength)
	}
	return nil
}

// settle completes a verified task: stores the result (saveTask also adds
// its reward to the network's volume paid), pays the escrow out through
// x/rewards, and updates the model's and the worker's statistics. The
// model's statistics are recorded first because that returns the model,
// whose owner the settlement pays: one read of the model per result.
func (k Keeper) settle(ctx context.Context, worker sdk.AccAddress, task types.Task, output, proof []byte) (sdk.Coin, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	model, err := k.modelKeeper.RecordTaskCompleted(ctx, task.ModelId, task.Reward)
	if err != nil {
		return sdk.Coin{}, err
	}
	owner, err := k.addressCodec.StringToBytes(model.Owner)
	if err != nil {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrInvalidAddress, "model owner: %s", err)
	}
	prev := task
	task.Status = types.TASK_STATUS_COMPLETED
	task.Output = output
	task.Proof = proof
	task.CompletedAt = sdkCtx.BlockTime().UTC()
	if err := k.saveTask(ctx, &prev, task); err != nil {
		return sdk.Coin{}, err
	}
	share, err := k.rewardsKeeper.SettleTask(ctx, types.ModuleName, task.Id, worker, owner, task.Reward)
	if err != nil {
		return sdk.Coin{}, errorsmod.Wrapf(err, "settling task %d", task.Id)
	}
	if err := k.updateWorker(ctx, worker, func(w *types.Worker) {
		w.TotalTasks++
		w.TotalRewards = w.TotalRewards.Add(share)
		w.ActiveTaskIds = removeID(w.ActiveTaskIds, task.Id)
	}); err != nil {
		return sdk.Coin{}, err
	}
	ev := types.EventTaskCompleted{
		TaskId:       task.Id,
		Worker:       task.Worker,
		Reward:       task.Reward,
		WorkerReward: share,
		PoolId:       task.PoolId,
	}
	sdkCtx.EventManager().EmitEvent(ev.Event())
	return share, nil
}
