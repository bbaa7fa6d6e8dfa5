package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// RandomModel returns a random registered model, in one read: ids are dense
// from 1. ok is false when there is none.
func RandomModel(ctx context.Context, k keeper.Keeper, r *simsx.XRand) (types.Model, bool) {
	next, err := k.ModelSeq.Peek(ctx)
	if err != nil || next <= 1 {
		return types.Model{}, false
	}
	m, err := k.GetModel(ctx, 1+uint64(r.Int63n(int64(next-1))))
	return m, err == nil
}

// ownedModel returns a random model together with its owner's sim account,
// or skips.
func ownedModel(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (types.Model, simsx.SimAccount) {
	m, ok := RandomModel(ctx, k, testData.Rand())
	if !ok {
		reporter.Skip("no model")
		return m, simsx.SimAccount{}
	}
	return m, testData.GetAccount(reporter, m.Owner)
}

// randomPrice is a price amount of up to 2 HYRA.
func randomPrice(r *simsx.XRand) int64 {
	return 1 + r.Int63n(2_000_000)
}
