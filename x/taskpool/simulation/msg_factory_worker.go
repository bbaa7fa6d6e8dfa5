package simulation

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// MsgRegisterWorkerFactory registers a random account that is not an active
// worker (a new one, or a deactivated one coming back).
func MsgRegisterWorkerFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRegisterWorker] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterWorker) {
		acc := testData.AnyAccount(reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		w, err := k.Workers.Get(ctx, acc.Address)
		if (err != nil && !errors.Is(err, collections.ErrNotFound)) || (err == nil && w.Active) {
			reporter.Skip("already an active worker")
			return nil, nil
		}
		return []simsx.SimAccount{acc}, &types.MsgRegisterWorker{Worker: acc.AddressBech32}
	}
}

// MsgDeactivateWorkerFactory deactivates a random active worker.
func MsgDeactivateWorkerFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgDeactivateWorker] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeactivateWorker) {
		w, ok := RandomWorker(ctx, k, testData.Rand(), func(w types.Worker) bool {
			return w.Active && testData.HasAccount(w.Address)
		})
		if !ok {
			reporter.Skip("no active worker")
			return nil, nil
		}
		acc := testData.GetAccount(reporter, w.Address)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{acc}, &types.MsgDeactivateWorker{Worker: acc.AddressBech32}
	}
}
