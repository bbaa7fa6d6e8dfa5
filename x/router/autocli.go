package router

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/hyra-network/hyra/x/router/types"
)

// AutoCLIOptions generates the CLI of x/router; route-task is hand-written
// (client/cli) because it parses a vector and a time to live.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "AvailableTasks",
					Use:       "available-tasks",
					Short:     "List open tasks across pools, highest reward first (--model-id to filter)",
				},
				{RpcMethod: "GlobalStats", Use: "stats", Short: "Show network statistics"},
				{
					RpcMethod:      "WorkerStatus",
					Use:            "worker-status [worker]",
					Short:          "Show whether a worker can claim, and why not",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "worker"}},
				},
				{
					RpcMethod:      "Route",
					Use:            "route [model-id]",
					Short:          "Show the pool a new task for a model would go to (0: a new pool)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RouteTask", Skip: true},
				{
					RpcMethod: "ClaimBest",
					Use:       "claim-best",
					Short:     "Claim the open task with the highest reward you may take (--model-id to restrict)",
					Example:   "hyrad tx router claim-best --model-id 1 --from worker",
				},
			},
		},
	}
}
