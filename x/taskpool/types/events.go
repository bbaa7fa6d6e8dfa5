package types

import (
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/eventattr"
)

// Event is the event sdk.TypedEventToEvent makes of e (attributes in key
// order), built directly: it is emitted for every verified result, in block
// execution (see package eventattr).
func (e *EventTaskCompleted) Event() sdk.Event {
	return eventattr.Event(e, []abci.EventAttribute{
		{Key: "pool_id", Value: eventattr.Uint(e.PoolId)},
		{Key: "reward", Value: eventattr.Coin(e.Reward)},
		{Key: "task_id", Value: eventattr.Uint(e.TaskId)},
		{Key: "worker", Value: eventattr.String(e.Worker)},
		{Key: "worker_reward", Value: eventattr.Coin(e.WorkerReward)},
	})
}
