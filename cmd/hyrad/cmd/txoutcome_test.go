package cmd

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
)

// TestEveryTxCommandReportsItsOutcome: each command under `hyrad tx` that can
// broadcast (autocli's, hyra's hand-written ones, the SDK's) waits for its
// outcome; none escapes by running through cobra's Run instead of RunE.
func TestEveryTxCommandReportsItsOutcome(t *testing.T) {
	txCmd, _, err := NewRootCmd().Find([]string{"tx"})
	require.NoError(t, err)
	var reporting []string
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.Flags().Lookup(flags.FlagBroadcastMode) == nil {
			return
		}
		require.Nil(t, c.Run, "%s runs through Run, which is not wrapped", c.CommandPath())
		require.Equal(t, "true", c.Annotations[annotationReportsOutcome], c.CommandPath())
		reporting = append(reporting, c.CommandPath())
	}
	walk(txCmd)
	for _, path := range []string{
		"hyrad tx taskpool submit-task", "hyrad tx taskpool claim", "hyrad tx modelregistry register-model",
		"hyrad tx router route-task", "hyrad tx rewards bond", "hyrad tx bank send", "hyrad tx broadcast",
	} {
		require.Contains(t, reporting, path)
	}
}
