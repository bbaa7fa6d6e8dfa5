package simulation

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/hyra-network/hyra/x/rewards/keeper"
)

// WeightedOperationsX registers a factory for every message of the module
// but MsgUpdateParams (a proposal: see MsgUpdateParamsFactory).
func WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry, k keeper.Keeper, randomWorker RandomWorkerFunc) {
	reg.Add(weights.Get("msg_bond", 30), MsgBondFactory(k, randomWorker))
	reg.Add(weights.Get("msg_unbond", 5), MsgUnbondFactory(k))
	reg.Add(weights.Get("msg_fund_reward_pool", 5), MsgFundRewardPoolFactory(k))
}
