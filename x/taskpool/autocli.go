package taskpool

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// AutoCLIOptions generates the CLI of x/taskpool. submit-task and
// submit-result are hand-written (client/cli) because they parse vectors and
// read files.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params"},
				{
					RpcMethod:      "Pool",
					Use:            "pool [id]",
					Short:          "Show a pool and its task counts",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{RpcMethod: "Pools", Use: "pools", Short: "List all pools"},
				{
					RpcMethod:      "PoolsByModel",
					Use:            "pools-by-model [model-id]",
					Short:          "List the pools of a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod:      "Task",
					Use:            "task [id]",
					Short:          "Show a task",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "Tasks",
					Use:       "tasks",
					Short:     "List tasks, optionally of one pool and/or one status",
					Example:   "hyrad query taskpool tasks --pool-id 1 --status open",
				},
				{
					RpcMethod:      "TasksByCreator",
					Use:            "tasks-by-creator [creator]",
					Short:          "List the tasks an account submitted",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "creator"}},
				},
				{
					RpcMethod:      "Result",
					Use:            "result [task-id]",
					Short:          "Show the verified result of a completed task",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}},
				},
				{
					RpcMethod:      "Worker",
					Use:            "worker [address]",
					Short:          "Show a worker's record and reputation",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{RpcMethod: "Workers", Use: "workers", Short: "List all workers"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "SubmitTask", Skip: true},
				{RpcMethod: "SubmitResult", Skip: true},
				{
					RpcMethod: "CreateTaskPool",
					Use:       "create-pool [model-id] [name] [claim-timeout]",
					Short:     "Create a pool of tasks for an active model you own, paying the pool_creation_fee param to the community pool; only pools with no minimum reputation receive routed tasks",
					Example:   "hyrad tx taskpool create-pool 1 iris-fast 2m --min-reputation 0 --from owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "model_id"}, {ProtoField: "name"}, {ProtoField: "claim_timeout"},
					},
				},
				{
					RpcMethod:      "SetPoolActive",
					Use:            "set-pool-active [pool-id] [true|false]",
					Short:          "Open or close a pool to new tasks (creator only); a closed pool's open tasks stay claimable",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "active"}},
				},
				{
					RpcMethod:      "CancelTask",
					Use:            "cancel-task [task-id]",
					Short:          "Cancel an open task you submitted and get its reward back",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}},
				},
				{
					RpcMethod: "ClaimTask",
					Use:       "claim [pool-id] [task-id?]",
					Short:     "Claim a task of a pool: the named one, or else the oldest open one",
					Example:   "hyrad tx taskpool claim 1 --from worker",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "task_id", Optional: true},
					},
				},
				{
					RpcMethod:      "ReleaseClaim",
					Use:            "release-claim [task-id]",
					Short:          "Give a task you hold back to its pool at once; costs less reputation than letting the claim lapse, and no bond",
					Example:        "hyrad tx taskpool release-claim 7 --from worker",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}},
				},
				{
					RpcMethod: "RegisterWorker",
					Use:       "register-worker",
					Short:     "Register (or reactivate) the signer as a worker; claiming also needs a bond in x/rewards",
					Example:   "hyrad tx taskpool register-worker --from worker",
				},
				{
					RpcMethod: "DeactivateWorker",
					Use:       "deactivate-worker",
					Short:     "Stop claiming new tasks; claims already held can still be completed",
				},
				{
					RpcMethod:      "PostInput",
					Use:            "post-input [task-id] [ciphertext]",
					Short:          "Give the worker that claimed your private task its input, sealed to the worker's key (zk/private envelope); hyrad client infer --private does this for you",
					Long:           "Give the worker that claimed your private task its input, sealed to the worker's key (zk/private SealInput, purpose input-to-worker, bound to this chain, task and worker). [ciphertext] is the envelope as hex, as base64 (standard alphabet), or the path of a file holding its raw bytes; a path that exists is read first, then hex is tried, then base64. hyrad client infer --private and hyrad client resume do this for you.",
					Example:        "hyrad tx taskpool post-input 7 $(xxd -p -c0 envelope.bin) --from client\nhyrad tx taskpool post-input 7 envelope.bin --from client",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}, {ProtoField: "ciphertext"}},
				},
				{
					RpcMethod:      "RejectInput",
					Use:            "reject-input [task-id]",
					Short:          "Refuse the posted input of a private task you claimed that does not open or does not match its commitment: no penalty, the task is open again (refunded at max_input_rejections)",
					Example:        "hyrad tx taskpool reject-input 7 --from worker",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}},
				},
				{
					RpcMethod:      "RetryRefund",
					Use:            "retry-refund [task-id]",
					Short:          "Pay out a REFUND_PENDING task's escrow (to its creator, or the community pool if the creator cannot receive); anyone may",
					Example:        "hyrad tx taskpool retry-refund 7 --from anyone",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "task_id"}},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to update the module params",
					Example:        `hyrad tx taskpool update-params-proposal '{"max_active_tasks":2,...}' --from key --deposit 10000000uhyra`,
					GovProposal:    true,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
				},
			},
		},
	}
}
