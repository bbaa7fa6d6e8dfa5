// Package simulation holds the x/modelregistry parts of the app simulation:
// random genesis params, governance param proposals and simsx message
// factories for the owner messages of the module.
package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// RandomParams returns valid params that still admit the bundled models:
// caps well above a small artifact and its 428-byte key, and a registration
// fee that sim accounts can afford (zero a quarter of the time). The
// simulation registers models with their bundled keys, so it accepts
// single-party keys.
func RandomParams(r *rand.Rand, bondDenom string) types.Params {
	p := types.DefaultParams()
	p.MaxNameLength = uint32(8 + r.Intn(120))
	p.MaxDescriptionLength = uint32(16 + r.Intn(2048))
	p.MaxVerifyingKeySize = uint64(1<<10 + r.Intn(types.DefaultMaxVerifyingKeySize))
	p.MaxArtifactSize = uint64(16<<10 + r.Intn(types.DefaultMaxArtifactSize))
	p.AllowSinglePartyKeys = true
	p.RegistrationFee = sdk.NewCoins()
	if r.Intn(4) > 0 {
		p.RegistrationFee = sdk.NewCoins(sdk.NewInt64Coin(bondDenom, 1+r.Int63n(2*types.DefaultRegistrationFee)))
	}
	p.ArtifactByteFee = sdk.NewCoins()
	if r.Intn(4) > 0 {
		p.ArtifactByteFee = sdk.NewCoins(sdk.NewInt64Coin(bondDenom, 1+r.Int63n(2*types.DefaultArtifactByteFee)))
	}
	return p
}

// RandomizedGenState writes a genesis with random params and no models:
// models need real artifacts and keys, which the registration operation
// brings.
func RandomizedGenState(simState *module.SimulationState) {
	gs := types.DefaultGenesis()
	simState.AppParams.GetOrGenerate("modelregistry_params", &gs.Params, simState.Rand, func(r *rand.Rand) {
		gs.Params = RandomParams(r, simState.BondDenom)
	})
	simState.GenState[types.ModuleName] = simState.Cdc.MustMarshalJSON(gs)
}
