package cmd

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	zkcli "github.com/hyra-network/hyra/zk/cli"
)

// The chain-facing ceremony verbs take the names under `zk ceremony`; zk/cli's off-chain verbs
// of the same names move under `zk ceremony offline`, and its other verbs stay where they are.
func TestCeremonyCommandsJoinZK(t *testing.T) {
	zk := zkcli.NewZKCmd()
	require.NoError(t, addCeremonyCommands(zk))
	for _, verb := range []string{"begin", "contribute", "finalize", "verify", "status"} {
		c, _, err := zk.Find([]string{"ceremony", verb})
		require.NoError(t, err, verb)
		require.Equal(t, verb, c.Name())
		require.Nil(t, c.Flags().Lookup("artifact"), "%s is the chain-facing verb: the artifact comes from the chain", verb)
	}
	for _, verb := range []string{"begin", "contribute", "finalize", "verify"} {
		c, _, err := zk.Find([]string{"ceremony", "offline", verb})
		require.NoError(t, err, verb)
		require.Equal(t, verb, c.Name())
		require.NotNil(t, c.Flags().Lookup("artifact"), "offline %s is zk/cli's, on files", verb)
	}
	c, _, err := zk.Find([]string{"ceremony", "phase1", "insecure-test"})
	require.NoError(t, err)
	require.Equal(t, "insecure-test", c.Name())

	clash := &cobra.Command{Use: "zk"}
	clash.AddCommand(&cobra.Command{Use: "ceremony"})
	offline := &cobra.Command{Use: "offline"}
	offline.AddCommand(&cobra.Command{Use: "verify"})
	clash.Commands()[0].AddCommand(&cobra.Command{Use: "verify"}, offline)
	require.ErrorContains(t, addCeremonyCommands(clash), "zk ceremony verify is defined twice")
}
