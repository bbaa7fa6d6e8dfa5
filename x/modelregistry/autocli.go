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
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RegisterModel", Skip: true},
				{RpcMethod: "UpdateModel", Skip: true},
				{
					RpcMethod:      "UpdateModelPrice",
					Use:            "update-price [id] [price]",
					Short:          "Set the minimum reward of a model's tasks (owner only)",
					Example:        "hyrad tx modelregistry update-price 1 2000000uhyra --from owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "price"}},
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
