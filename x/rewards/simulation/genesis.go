// Package simulation holds the x/rewards parts of the app simulation: random
// genesis params, governance param proposals and simsx message factories for
// every message of the module.
package simulation

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// RandomParams returns valid params in bondDenom: bonds of up to 10 HYRA,
// unbonding periods and epochs short enough to end within a simulation
// (blocks are 1.4 to 2.8 hours apart), and random splits.
func RandomParams(r *rand.Rand, bondDenom string) types.Params {
	worker := uint32(r.Intn(types.BpsDenominator + 1))
	loss := r.Int63n(51)
	return types.Params{
		MinWorkerBond:         sdk.NewInt64Coin(bondDenom, 1+r.Int63n(types.DefaultMinWorkerBond)),
		UnbondingPeriod:       14*time.Hour + time.Duration(r.Int63n(60))*time.Hour, // above x/taskpool's simulated claim timeouts
		TimeoutSlashBps:       uint32(r.Intn(2001)),
		WorkerShareBps:        worker,
		ModelOwnerShareBps:    uint32(r.Intn(int(types.BpsDenominator-worker) + 1)),
		RewardPoolShareBps:    uint32(r.Intn(types.BpsDenominator + 1)),
		EpochLength:           int64(1 + r.Intn(20)),
		MaxUnbondingsPerBlock: uint32(1 + r.Intn(100)),
		MaxUnbondingEntries:   uint32(1 + r.Intn(7)),
		MaxPayoutsPerBlock:    uint32(1 + r.Intn(100)),
		InitialReputation:     r.Int63n(201),
		ReputationGain:        r.Int63n(6),
		ReputationLoss:        loss,
		ReleaseReputationLoss: r.Int63n(loss + 1),
		EpochRewardCapBps:     uint32(r.Intn(types.BpsDenominator)),
	}
}

// RandomizedGenState writes a genesis with random params and no bonds.
func RandomizedGenState(simState *module.SimulationState) {
	gs := types.DefaultGenesis()
	simState.AppParams.GetOrGenerate("rewards_params", &gs.Params, simState.Rand, func(r *rand.Rand) {
		gs.Params = RandomParams(r, simState.BondDenom)
	})
	simState.GenState[types.ModuleName] = simState.Cdc.MustMarshalJSON(gs)
}
