package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	mrsim "github.com/hyra-network/hyra/x/modelregistry/simulation"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// MsgCreateTaskPoolFactory opens a pool for a random active model, signed by
// its owner (only the owner may) when it can pay the pool creation fee.
func MsgCreateTaskPoolFactory(d Deps) simsx.SimMsgFactoryFn[*types.MsgCreateTaskPool] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCreateTaskPool) {
		r := testData.Rand()
		params, err := d.Keeper.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		model, ok := d.RandomModel(ctx, r)
		if !ok || !model.Active {
			reporter.Skip("no active model")
			return nil, nil
		}
		creator := testData.GetAccount(reporter, model.Owner)
		if reporter.IsSkipped() || !mrsim.Reserve(&creator, params.PoolCreationFee) {
			reporter.Skip("the model's owner cannot pay the pool creation fee")
			return nil, nil
		}
		var minRep int64
		if r.Intn(2) == 0 {
			minRep = r.Int63n(150)
		}
		return []simsx.SimAccount{creator}, &types.MsgCreateTaskPool{
			Creator:       creator.AddressBech32,
			Name:          r.StringN(1 + r.Intn(int(params.MaxPoolNameLength))),
			ModelId:       model.Id,
			ClaimTimeout:  params.MinClaimTimeout + randDuration(r.Rand, params.MaxClaimTimeout-params.MinClaimTimeout),
			MinReputation: minRep,
		}
	}
}

// MsgSetPoolActiveFactory closes a random pool of a sim account, or opens it
// again.
func MsgSetPoolActiveFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetPoolActive] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetPoolActive) {
		pool, ok := RandomPool(ctx, k, testData.Rand(), func(p types.Pool) bool { return testData.HasAccount(p.Creator) })
		if !ok {
			reporter.Skip("no pool of a sim account")
			return nil, nil
		}
		creator := testData.GetAccount(reporter, pool.Creator)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{creator}, &types.MsgSetPoolActive{Creator: creator.AddressBech32, PoolId: pool.Id, Active: !pool.Active}
	}
}
