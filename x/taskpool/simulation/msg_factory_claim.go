package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// MsgClaimTaskFactory claims, for a random worker that may claim, a random
// claimable open task of a pool it is admitted to: by id, or a quarter of the
// time the pool's next task (task id 0).
func MsgClaimTaskFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgClaimTask] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimTask) {
		r := testData.Rand()
		w, ok := RandomWorker(ctx, k, r, func(w types.Worker) bool {
			addr, err := sdk.AccAddressFromBech32(w.Address)
			return err == nil && testData.HasAccount(w.Address) && k.CheckWorkerMayClaim(ctx, addr) == nil
		})
		if !ok {
			reporter.Skip("no worker that may claim")
			return nil, nil
		}
		worker := testData.GetAccount(reporter, w.Address)
		if reporter.IsSkipped() {
			return nil, nil
		}
		now := sdk.UnwrapSDKContext(ctx).BlockTime()
		task, ok := RandomTask(ctx, k, r, types.TASK_STATUS_OPEN, func(t types.Task) bool {
			pool, err := k.GetPool(ctx, t.PoolId)
			return err == nil && t.ClaimableAt(now, pool.ClaimTimeout) && k.CheckWorkerMayClaimInPool(ctx, worker.Address, t.PoolId) == nil
		})
		if !ok {
			reporter.Skip("no open task the worker may claim")
			return nil, nil
		}
		msg := &types.MsgClaimTask{Worker: worker.AddressBech32, PoolId: task.PoolId, TaskId: task.Id}
		if r.Intn(4) == 0 {
			if _, err := k.NextOpenTask(ctx, task.PoolId); err == nil {
				msg.TaskId = 0
			}
		}
		return []simsx.SimAccount{worker}, msg
	}
}

// MsgReleaseClaimFactory gives back a random live claim of a sim account.
func MsgReleaseClaimFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgReleaseClaim] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgReleaseClaim) {
		now := sdk.UnwrapSDKContext(ctx).BlockTime()
		task, ok := RandomTask(ctx, k, testData.Rand(), types.TASK_STATUS_CLAIMED, func(t types.Task) bool {
			return testData.HasAccount(t.Worker) && now.Before(t.Deadline) && now.Before(t.ClaimExpiry)
		})
		if !ok {
			reporter.Skip("no live claim of a sim account")
			return nil, nil
		}
		worker := testData.GetAccount(reporter, task.Worker)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{worker}, &types.MsgReleaseClaim{Worker: worker.AddressBech32, TaskId: task.Id}
	}
}

// MsgSubmitResultFactory completes a random live claim of a sim account with
// a real proof from prove.
func MsgSubmitResultFactory(d Deps) simsx.SimMsgFactoryFn[*types.MsgSubmitResult] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitResult) {
		sdkCtx := sdk.UnwrapSDKContext(ctx)
		now := sdkCtx.BlockTime()
		task, ok := RandomTask(ctx, d.Keeper, testData.Rand(), types.TASK_STATUS_CLAIMED, func(t types.Task) bool {
			expiry, err := d.Keeper.ClaimExpiry(ctx, t)
			return err == nil && testData.HasAccount(t.Worker) && now.Before(t.Deadline) && now.Before(expiry)
		})
		if !ok {
			reporter.Skip("no live claim of a sim account")
			return nil, nil
		}
		worker := testData.GetAccount(reporter, task.Worker)
		if reporter.IsSkipped() {
			return nil, nil
		}
		version, err := d.Models.GetModelVersion(ctx, task.ModelId, task.ModelVersion)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		input, err := task.DecodedInput()
		if err != nil {
			reporter.Fail(err, "decoding a stored input")
			return nil, nil
		}
		output, proof, ok, err := d.Prove(version, sdkCtx.ChainID(), task.Id, worker.Address, input)
		switch {
		case err != nil:
			reporter.Fail(err, "proving")
			return nil, nil
		case !ok:
			reporter.Skip("no proving key for the model version")
			return nil, nil
		}
		return []simsx.SimAccount{worker}, &types.MsgSubmitResult{Worker: worker.AddressBech32, TaskId: task.Id, Output: output, Proof: proof}
	}
}
