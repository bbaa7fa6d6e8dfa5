package modelregistry

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// AutoCLIOptions generates the CLI of x/modelregistry. register-model and
// update-model are hand-written (client/cli) because they read files.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params"},
				{
					RpcMethod:      "Model",
					Use:            "model [id]",
					Short:          "Show a model and its current version",
					Example:        "hyrad query modelregistry model 1",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{RpcMethod: "Models", Use: "models", Short: "List all models"},
				{
					RpcMethod:      "ModelsByOwner",
					Use:            "models-by-owner [owner]",
					Short:          "List the models of an owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}},
				},
				{
					RpcMethod:      "ModelVersion",
					Use:            "model-version [id] [version]",
					Short:          "Show one version of a model",
					Example:        "hyrad query modelregistry model-version 1 2",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "version"}},
				},
				{
					RpcMethod:      "Setup",
					Use:            "setup [id] [version]",
					Short:          "Show a version's multi-party key setup and its contributions",
					Example:        "hyrad query modelregistry setup 1 1",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "version"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RegisterModel", Skip: true},
				{RpcMethod: "UpdateModel", Skip: true},
				{
					RpcMethod: "UpdateModelPrice",
					Use:       "update-price [id] [price]",
					Short:     "Set the minimum reward of a model's tasks (owner only)",
					Long: "Set the minimum reward of a model's new tasks (owner only). --private-price sets the minimum " +
						"reward of its private tasks too; without it the private price stays as it is, and --private-price " +
						"0uhyra stops private tasks.",
					Example: "hyrad tx modelregistry update-price 1 2000000uhyra --from owner\n" +
						"hyrad tx modelregistry update-price 1 2000000uhyra --private-price 5000000uhyra --from owner\n" +
						"hyrad tx modelregistry update-price 1 2000000uhyra --private-price 0uhyra --from owner  # no private tasks",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "price"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{"private_price": {
						Usage:        "new minimum reward of the model's private tasks (0uhyra: no private tasks)",
						DefaultValue: "unchanged",
					}},
				},
				{
					RpcMethod:      "SetModelActive",
					Use:            "set-active [id] [true|false]",
					Short:          "Activate or deactivate a model for new tasks (owner only)",
					Example:        "hyrad tx modelregistry set-active 1 false --from owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "active"}},
				},
				{
					RpcMethod:      "TransferModelOwnership",
					Use:            "transfer-ownership [id] [new-owner]",
					Short:          "Hand a model to a new owner (owner only)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "new_owner"}},
				},
				{
					RpcMethod: "BeginSetup",
					Use:       "begin-setup [model-id] [version] [initial-state-hash] [vk-k] [constraints]",
					Short:     "Open the multi-party setup of a PENDING version (owner only; hex or base64 bytes, from `hyrad zk ceremony`)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"},
						{ProtoField: "version"},
						{ProtoField: "initial_state_hash"},
						{ProtoField: "vk_k"},
						{ProtoField: "constraints"},
					},
				},
				{
					RpcMethod: "ContributeSetup",
					Use:       "contribute-setup [model-id] [version] [state-hash] [delta-g1] [delta-g2] [proof]",
					Short:     "Record a contribution to a version's setup (any account; bytes from `hyrad zk ceremony offline contribute`)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"},
						{ProtoField: "version"},
						{ProtoField: "state_hash"},
						{ProtoField: "delta_g1"},
						{ProtoField: "delta_g2"},
						{ProtoField: "proof"},
					},
				},
				{
					RpcMethod:      "FinalizeSetup",
					Use:            "finalize-setup [model-id] [version]",
					Short:          "Seal a version's setup with this block's hash; the chain builds its verifying key (owner only)",
					Example:        "hyrad tx modelregistry finalize-setup 1 1 --from owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}, {ProtoField: "version"}},
				},
				{
					RpcMethod:      "RetireVersion",
					Use:            "retire-version-proposal [model-id] [version]",
					Short:          "Submit a governance proposal to retire a model version (no new tasks)",
					Example:        "hyrad tx modelregistry retire-version-proposal 1 1 --from key --deposit 10000000uhyra",
					GovProposal:    true,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}, {ProtoField: "version"}},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to update the module params",
					Example:        `hyrad tx modelregistry update-params-proposal '{"max_name_length":64,...}' --from key --deposit 10000000uhyra`,
					GovProposal:    true,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
				},
			},
		},
	}
}
