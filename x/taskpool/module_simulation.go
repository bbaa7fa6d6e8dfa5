package taskpool

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/hyra-network/hyra/x/taskpool/simulation"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

var _ module.AppModuleSimulation = AppModule{}

// GenerateGenesisState writes a random genesis for the app simulation.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	simulation.RandomizedGenState(simState)
}

// RegisterStoreDecoder decodes the module's store for simulation logs.
func (am AppModule) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[types.StoreKey] = simtypes.NewStoreDecoderFuncFromCollectionsSchema(am.keeper.Schema)
}

// WeightedOperations returns nothing: a result needs a proof from the
// worker's prover, which the chain does not link, so the app simulation
// registers the module's operations with simulation.WeightedOperationsX and
// a prover (tests/sim).
func (AppModule) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// ProposalMsgsX registers the governance proposal of the module.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("taskpool_msg_update_params", 20), simulation.MsgUpdateParamsFactory())
}
