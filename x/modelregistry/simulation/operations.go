package simulation

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
)

// WeightedOperationsX registers a factory for every owner message of the
// module. MsgUpdateParams is a proposal (see MsgUpdateParamsFactory); the
// setup messages (MsgBeginSetup, MsgContributeSetup, MsgFinalizeSetup,
// MsgRetireVersion) are simulated by the app simulation (tests/sim), which
// makes real phase-2 contributions of a circuit with gnark. files are the
// model owner's artifact and verifying key (the simulation accepts
// single-party keys).
func WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry, k keeper.Keeper, files ModelFiles) {
	reg.Add(weights.Get("msg_register_model", 20), MsgRegisterModelFactory(k, files))
	reg.Add(weights.Get("msg_update_model", 5), MsgUpdateModelFactory(k, files))
	reg.Add(weights.Get("msg_update_model_price", 10), MsgUpdateModelPriceFactory(k))
	reg.Add(weights.Get("msg_set_model_active", 5), MsgSetModelActiveFactory(k))
	reg.Add(weights.Get("msg_transfer_model_ownership", 5), MsgTransferModelOwnershipFactory(k))
}
