package types

import (
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/eventattr"
)

// Event is the event sdk.TypedEventToEvent makes of e (attributes in key
// order), built directly: it is emitted for every settled task, in block
// execution (see package eventattr).
func (e *EventTaskSettled) Event() sdk.Event {
	return eventattr.Event(e, []abci.EventAttribute{
		{Key: "community_pool_share", Value: eventattr.Coin(e.CommunityPoolShare)},
		{Key: "epoch", Value: eventattr.Uint(e.Epoch)},
		{Key: "escrow", Value: eventattr.Coin(e.Escrow)},
		{Key: "model_owner", Value: eventattr.String(e.ModelOwner)},
		{Key: "model_owner_share", Value: eventattr.Coin(e.ModelOwnerShare)},
		{Key: "reputation", Value: eventattr.Int(e.Reputation)},
		{Key: "reward_pool_share", Value: eventattr.Coin(e.RewardPoolShare)},
		{Key: "task_id", Value: eventattr.Uint(e.TaskId)},
		{Key: "worker", Value: eventattr.String(e.Worker)},
		{Key: "worker_share", Value: eventattr.Coin(e.WorkerShare)},
	})
}
