package simulation

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/keeper"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// RandomWorkerFunc returns the address of a random registered worker; ok is
// false when there is none. x/taskpool's simulation provides it.
type RandomWorkerFunc func(ctx context.Context, r *simsx.XRand) (sdk.AccAddress, bool)

// MsgBondFactory bonds up to twice the minimum bond, mostly for registered
// workers (so that they can claim), otherwise for any account.
func MsgBondFactory(k keeper.Keeper, randomWorker RandomWorkerFunc) simsx.SimMsgFactoryFn[*types.MsgBond] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgBond) {
		params, err := k.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		r := testData.Rand()
		amount := sdk.NewCoin(params.BondDenom(), math.NewInt(1+r.Int63n(2*params.MinWorkerBond.Amount.Int64()+1)))
		acc, ok := bonder(ctx, testData, reporter, randomWorker, amount)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{acc}, &types.MsgBond{Worker: acc.AddressBech32, Amount: amount}
	}
}

// bonder picks the account that bonds amount: three times in four a random
// registered worker, if it can pay.
func bonder(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, randomWorker RandomWorkerFunc, amount sdk.Coin) (simsx.SimAccount, bool) {
	var acc simsx.SimAccount
	if addr, ok := randomWorker(ctx, testData.Rand()); ok && testData.Rand().Intn(4) > 0 {
		acc = testData.GetAccountbyAccAddr(reporter, addr)
	} else {
		acc = testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(amount))
	}
	if reporter.IsSkipped() || !acc.LiquidBalance().BlockAmount(amount) {
		reporter.Skip("no account can pay the bond")
		return acc, false
	}
	return acc, true
}

// MsgUnbondFactory unbonds part of a random bond of a sim account that has
// room for another unbonding entry.
func MsgUnbondFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUnbond] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUnbond) {
		params, err := k.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		r := testData.Rand()
		bond, ok := randomBond(ctx, k, r, func(addr sdk.AccAddress, b types.Bond) bool {
			return b.Bonded.IsPositive() && b.Bonded.Amount.IsInt64() && testData.HasAccount(b.Worker) &&
				unbondingEntries(ctx, k, addr) < params.MaxUnbondingEntries
		})
		if !ok {
			reporter.Skip("no bond that may unbond")
			return nil, nil
		}
		acc := testData.GetAccount(reporter, bond.Worker)
		if reporter.IsSkipped() {
			return nil, nil
		}
		amount := sdk.NewCoin(bond.Bonded.Denom, math.NewInt(1+r.Int63n(bond.Bonded.Amount.Int64())))
		return []simsx.SimAccount{acc}, &types.MsgUnbond{Worker: acc.AddressBech32, Amount: amount}
	}
}

// MsgFundRewardPoolFactory funds the epoch reward pool from a random account.
func MsgFundRewardPoolFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgFundRewardPool] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgFundRewardPool) {
		params, err := k.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil
		}
		amount := sdk.NewCoin(params.BondDenom(), math.NewInt(1+testData.Rand().Int63n(10_000_000)))
		funder := testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(amount))
		if reporter.IsSkipped() || !funder.LiquidBalance().BlockAmount(amount) {
			reporter.Skip("no account can fund")
			return nil, nil
		}
		return []simsx.SimAccount{funder}, &types.MsgFundRewardPool{Funder: funder.AddressBech32, Amount: amount}
	}
}

// randomBond returns a random bond that accept admits, looking at a few
// bonds from a random address on (wrapping around).
func randomBond(ctx context.Context, k keeper.Keeper, r *simsx.XRand, accept func(sdk.AccAddress, types.Bond) bool) (types.Bond, bool) {
	const maxScan = 32
	start := make(sdk.AccAddress, 20)
	_, _ = r.Read(start)
	var found types.Bond
	ok, scanned := false, 0
	for _, rng := range []collections.Ranger[sdk.AccAddress]{
		new(collections.Range[sdk.AccAddress]).StartInclusive(start),
		new(collections.Range[sdk.AccAddress]).EndExclusive(start),
	} {
		err := k.Bonds.Walk(ctx, rng, func(addr sdk.AccAddress, b types.Bond) (bool, error) {
			if accept(addr, b) {
				found, ok = b, true
				return true, nil
			}
			scanned++
			return scanned >= maxScan, nil
		})
		if err != nil || ok || scanned >= maxScan {
			break
		}
	}
	return found, ok
}

// unbondingEntries counts a worker's unbondings in progress.
func unbondingEntries(ctx context.Context, k keeper.Keeper, worker sdk.AccAddress) uint32 {
	var n uint32
	_ = k.UnbondingsByWorker.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](worker),
		func(collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
			n++
			return false, nil
		})
	return n
}
