package worker

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/client"
)

// TestFailedMessage checks which message of a batch the worker takes out
// when the chain refuses the transaction: only the one a simulation names,
// as the SDK words it.
func TestFailedMessage(t *testing.T) {
	sim := func(log string) error {
		return fmt.Errorf("submit: %w", &client.RejectedError{Stage: "simulation", Log: log})
	}
	i, ok := failedMessage(sim("failed to execute message; message index: 2: task 7 is not claimed by hyra1xyz: invalid request"), 4)
	require.True(t, ok)
	require.Equal(t, 2, i)

	_, ok = failedMessage(sim("failed to execute message; message index: 4: out of range"), 4)
	require.False(t, ok, "an index beyond the batch names no message")
	_, ok = failedMessage(sim("insufficient fees"), 4)
	require.False(t, ok, "a refusal of the whole transaction names no message")
	_, ok = failedMessage(&client.RejectedError{Stage: "execution", Log: "failed to execute message; message index: 1: x"}, 4)
	require.False(t, ok, "only a simulation's answer is taken apart: a failed execution is retried result by result")
	_, ok = failedMessage(fmt.Errorf("node unreachable"), 4)
	require.False(t, ok)
}
