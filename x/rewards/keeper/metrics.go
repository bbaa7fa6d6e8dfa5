package keeper

import (
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/telemetry"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// RecordBlockMetrics adds a committed block's slashes to
// hyra_rewards_slashes_total, from events (how many events of each type the
// block committed; the app calls it after the block, see x/taskpool's
// metrics). It adds zero when nothing was slashed, so that the series exists
// from the first block. It writes no state, gas or events.
func RecordBlockMetrics(events map[string]int) {
	telemetry.IncrCounter(float32(events[proto.MessageName(&types.EventWorkerSlashed{})]), "hyra", "rewards", "slashes", "total")
}
