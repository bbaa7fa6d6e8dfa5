// Package simulation holds the x/taskpool parts of the app simulation:
// random genesis params, governance param proposals, simsx message factories
// for every message of the module, and random picks over its state that the
// other modules' factories share.
package simulation

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// RandomParams returns valid params on the scale of simulated blocks, which
// are 1.4 to 2.8 hours apart: some deadlines lapse between two blocks, others
// span many. Every such gap is an outage to claims, which lose
// max_block_gap (just under min_claim_timeout) per block, so claims lapse
// after a few blocks or, with long timeouts, end with their deadline.
// The per-block expiry cap is kept small so that the simulation hits it;
// pools cost up to 20 HYRA of bondDenom to create (nothing a quarter of the
// time).
func RandomParams(r *rand.Rand, bondDenom string) types.Params {
	minTTL := time.Minute + randDuration(r, time.Hour)
	minClaim := 10*time.Second + randDuration(r, time.Hour)
	fee := sdk.NewCoins()
	if r.Intn(4) > 0 {
		fee = sdk.NewCoins(sdk.NewInt64Coin(bondDenom, 1+r.Int63n(2*types.DefaultPoolCreationFee)))
	}
	return types.Params{
		MaxActiveTasks:         uint32(1 + r.Intn(3)),
		MinTaskTtl:             minTTL,
		MaxTaskTtl:             minTTL + randDuration(r, 5*24*time.Hour),
		MinClaimTimeout:        minClaim,
		MaxClaimTimeout:        minClaim + randDuration(r, 12*time.Hour), // below x/rewards' simulated unbonding periods
		MaxExpirationsPerBlock: uint32(1 + r.Intn(50)),
		MaxPoolNameLength:      uint32(8 + r.Intn(57)),
		PoolCreationFee:        fee,
		MaxBlockGap:            minClaim - time.Second,
		PrivateInputWindow:     minClaim,
		MaxInputRejections:     types.DefaultMaxInputRejections,
	}
}

// RandomizedGenState writes a genesis with random params and no pools:
// pools need registered models.
func RandomizedGenState(simState *module.SimulationState) {
	gs := types.DefaultGenesis()
	simState.AppParams.GetOrGenerate("taskpool_params", &gs.Params, simState.Rand, func(r *rand.Rand) {
		gs.Params = RandomParams(r, simState.BondDenom)
	})
	simState.GenState[types.ModuleName] = simState.Cdc.MustMarshalJSON(gs)
}

// randDuration returns a duration in [0, d], in whole seconds.
func randDuration(r *rand.Rand, d time.Duration) time.Duration {
	return time.Duration(r.Int63n(int64(d/time.Second)+1)) * time.Second
}
