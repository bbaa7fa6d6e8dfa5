package types_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/hyra-network/hyra/x/internal/eventattr/eventattrtest"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestEventTaskCompletedEvent checks that the event built directly is the
// one sdk.TypedEventToEvent makes (type, keys, order, values), for any
// field values.
func TestEventTaskCompletedEvent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eventattrtest.RequireTyped(t, &types.EventTaskCompleted{
			TaskId:       rapid.Uint64().Draw(t, "task"),
			Worker:       rapid.String().Draw(t, "worker"),
			Reward:       eventattrtest.Coin().Draw(t, "reward"),
			WorkerReward: eventattrtest.Coin().Draw(t, "worker_reward"),
			PoolId:       rapid.Uint64().Draw(t, "pool"),
		})
	})
}
