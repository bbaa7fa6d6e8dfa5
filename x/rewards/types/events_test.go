package types_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/hyra-network/hyra/x/internal/eventattr/eventattrtest"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestEventTaskSettledEvent checks that the event built directly is the one
// sdk.TypedEventToEvent makes (type, keys, order, values), for any field
// values.
func TestEventTaskSettledEvent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eventattrtest.RequireTyped(t, &types.EventTaskSettled{
			TaskId:             rapid.Uint64().Draw(t, "task"),
			Worker:             rapid.String().Draw(t, "worker"),
			ModelOwner:         rapid.String().Draw(t, "owner"),
			Escrow:             eventattrtest.Coin().Draw(t, "escrow"),
			WorkerShare:        eventattrtest.Coin().Draw(t, "worker_share"),
			ModelOwnerShare:    eventattrtest.Coin().Draw(t, "owner_share"),
			CommunityPoolShare: eventattrtest.Coin().Draw(t, "community_share"),
			RewardPoolShare:    eventattrtest.Coin().Draw(t, "pool_share"),
			Epoch:              rapid.Uint64().Draw(t, "epoch"),
			Reputation:         rapid.Int64().Draw(t, "reputation"),
		})
	})
}
