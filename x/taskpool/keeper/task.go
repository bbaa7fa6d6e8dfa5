package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// SubmitTask escrows reward from creator and adds a task to an active pool,
// for the current version of the pool's model, which must take tasks (its
// key setup finished, not retired). input is encoded as encoding says, and
// the task keeps both. It returns the task id.
// x/router calls it to route a user's request.
func (k Keeper) SubmitTask(ctx context.Context, creator sdk.AccAddress, poolID uint64, input []byte, encoding types.VectorEncoding, reward sdk.Coin, deadline time.Time) (uint64, error) {
	return k.submit(ctx, creator, poolID, reward, deadline, func(sdkCtx sdk.Context, model mrtypes.Model, version mrtypes.ModelVersion) (types.Task, error) {
		values, err := checkInput(input, encoding, version.InputSchema)
		if err != nil {
			return types.Task{}, err
		}
		inputCommitment, err := commitInput(sdkCtx, values, version)
		if err != nil {
			return types.Task{}, err
		}
		task := types.Task{Input: input, InputEncoding: encoding, InputCommitment: inputCommitment}
		return task, checkReward(reward, model.Price)
	})
}

// submit is SubmitTask and SubmitPrivateTask: it checks the pool, the model
// and its current version, has content check what the task carries against
// them (and the reward against the price that applies) and return the task's
// content fields, checks the deadline, escrows the reward and stores the
// task.
func (k Keeper) submit(ctx context.Context, creator sdk.AccAddress, poolID uint64, reward sdk.Coin, deadline time.Time,
	content func(sdk.Context, mrtypes.Model, mrtypes.ModelVersion) (types.Task, error),
) (uint64, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	creatorStr, err := k.addrString(creator)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	pool, err := k.GetPool(ctx, poolID)
	if err != nil {
		return 0, err
	}
	if !pool.Active {
		return 0, errorsmod.Wrapf(types.ErrPoolInactive, "pool %d", poolID)
	}
	model, err := k.modelKeeper.GetModel(ctx, pool.ModelId)
	if err != nil {
		return 0, err
	}
	if !model.Active {
		return 0, errorsmod.Wrapf(types.ErrModelInactive, "model %d", model.Id)
	}
	version, err := k.modelKeeper.GetModelVersion(ctx, model.Id, model.Version)
	if err != nil {
		return 0, err
	}
	if err := version.CheckTakesTasks(); err != nil {
		return 0, err
	}
	task, err := content(sdkCtx, model, version)
	if err != nil {
		return 0, err
	}
	now := sdkCtx.BlockTime()
	if err := validateDeadline(deadline, now, params); err != nil {
		return 0, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, creator, types.ModuleName, sdk.NewCoins(reward)); err != nil {
		return 0, errorsmod.Wrapf(err, "escrowing the reward of %s", reward)
	}

	id, err := k.TaskSeq.Next(ctx)
	if err != nil {
		return 0, err
	}
	task.Id = id
	task.PoolId = poolID
	task.ModelId = model.Id
	task.ModelVersion = model.Version
	task.Creator = creatorStr
	task.Reward = reward
	task.Deadline = deadline.UTC()
	task.Status = types.TASK_STATUS_OPEN
	task.CreatedAt = now.UTC()
	if err := k.saveTask(ctx, nil, task); err != nil {
		return 0, err
	}
	return id, sdkCtx.EventManager().EmitTypedEvent(&types.EventTaskSubmitted{
		TaskId:          id,
		PoolId:          poolID,
		ModelId:         model.Id,
		ModelVersion:    model.Version,
		Creator:         creatorStr,
		Reward:          reward,
		Deadline:        task.Deadline,
		Private:         task.Private,
		InputCommitment: task.InputCommitment,
	})
}

// CancelTask withdraws an OPEN task of creator's and refunds its reward.
func (k Keeper) CancelTask(ctx context.Context, creator sdk.AccAddress, taskID uint64) (sdk.Coin, error) {
	task, err := k.GetTask(ctx, taskID)
	if err != nil {
		return sdk.Coin{}, err
	}
	if !k.sameAddress(task.Creator, creator) {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrUnauthorized, "task %d was submitted by %s", taskID, task.Creator)
	}
	if task.Status != types.TASK_STATUS_OPEN {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrWrongStatus, "task %d is %s; only OPEN tasks can be cancelled", taskID, task.Status)
	}
	prev := task
	task.Status = types.TASK_STATUS_CANCELLED
	if err := k.saveTask(ctx, &prev, task); err != nil {
		return sdk.Coin{}, err
	}
	if err := k.refund(ctx, task); err != nil {
		return sdk.Coin{}, err
	}
	return task.Reward, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTaskCancelled{
		TaskId:  taskID,
		Creator: task.Creator,
		Refund:  task.Reward,
	})
}

// refund returns a task's escrowed reward to its creator.
func (k Keeper) refund(ctx context.Context, task types.Task) error {
	creator, err := k.addressCodec.StringToBytes(task.Creator)
	if err != nil {
		return err
	}
	if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, creator, sdk.NewCoins(task.Reward)); err != nil {
		return errorsmod.Wrapf(err, "refunding %s of task %d", task.Reward, task.Id)
	}
	return nil
}

// checkInput checks that input is a canonical vector under its encoding that
// the model version accepts: its length and every value within the schema,
// and returns its values. The chain never takes a task that no worker could
// prove.
func checkInput(input []byte, encoding types.VectorEncoding, s mrtypes.InputSchema) ([]int64, error) {
	v, err := types.DecodeInput(input, encoding)
	if err != nil {
		return nil, err
	}
	if err := vector.CheckSchema(v, int(s.Length), s.MinValue, s.MaxValue); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidInput, err.Error())
	}
	return v, nil
}

// checkReward checks that a reward is a valid coin of the price's denom, at
// least the price (the model's price, or its private price for a private
// task).
func checkReward(reward, price sdk.Coin) error {
	if err := reward.Validate(); err != nil {
		return errorsmod.Wrap(types.ErrInvalidReward, err.Error())
	}
	if reward.Denom != price.Denom {
		return errorsmod.Wrapf(types.ErrInvalidReward, "reward must be in %s, got denom %q", price.Denom, reward.Denom)
	}
	if reward.Amount.LT(price.Amount) || !reward.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidReward, "reward %s is below the model price %s", reward, price)
	}
	return nil
}
