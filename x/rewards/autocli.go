package rewards

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// AutoCLIOptions generates the CLI of x/rewards.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params"},
				{
					RpcMethod:      "Bond",
					Use:            "bond [worker]",
					Short:          "Show a worker's bond and whether it may claim tasks",
					Example:        "hyrad query rewards bond hyra1...",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "worker"}},
				},
				{
					RpcMethod:      "Unbondings",
					Use:            "unbondings [worker]",
					Short:          "List a worker's unbondings in flight",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "worker"}},
				},
				{
					RpcMethod:      "Reputation",
					Use:            "reputation [worker]",
					Short:          "Show a worker's reputation score",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "worker"}},
				},
				{
					RpcMethod:      "PendingRewards",
					Use:            "pending-rewards [worker]",
					Short:          "Show a worker's epoch work (protocol fee paid, in uhyra), what it would receive if the epoch ended now, and what ended epochs owe it",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "worker"}},
				},
				{RpcMethod: "RewardPool", Use: "reward-pool", Short: "Show the epoch reward pool"},
				{RpcMethod: "EpochInfo", Use: "epoch-info", Short: "Show the reward epoch in progress and payouts still running"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Bond",
					Use:            "bond [amount]",
					Short:          "Bond coins as a worker, so that you may claim tasks",
					Example:        "hyrad tx rewards bond 10000000uhyra --from worker",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod:      "Unbond",
					Use:            "unbond [amount]",
					Short:          "Start unbonding coins; they return after the unbonding period",
					Example:        "hyrad tx rewards unbond 5000000uhyra --from worker",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod:      "FundRewardPool",
					Use:            "fund-reward-pool [amount]",
					Short:          "Add coins to the epoch reward pool",
					Example:        "hyrad tx rewards fund-reward-pool 1000000uhyra --from key",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to update the module params",
					Example:        `hyrad tx rewards update-params-proposal '{"min_worker_bond":{"denom":"uhyra","amount":"10000000"},...}' --from key --deposit 10000000uhyra`,
					GovProposal:    true,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
				},
			},
		},
	}
}
