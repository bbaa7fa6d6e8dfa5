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
					Short:     "Claim the open task with the highest reward you may take (--model-id or --models to restrict, --min-window for the time you need, --count for several)",
					Long: `Claim the open task with the highest reward you may take. --model-id restricts the claim to one
model, any version; --models (repeatable, JSON) to the versions of each model you can prove;
--min-window to pools whose claim timeout gives you at least that long to prove and submit.
--count claims up to that many tasks (at most 100), best first, each as a claim on its own would
be, stopping at what is claimable and at max_active_tasks; it fails only when none is claimable.`,
					Example: `hyrad tx router claim-best --model-id 1 --min-window 1m --from worker
hyrad tx router claim-best --model-id 1 --count 8 --from worker
hyrad tx router claim-best --models '{"model_id":1,"versions":[2,3]}' --models '{"model_id":4}' --from worker`,
				},
			},
		},
	}
}
