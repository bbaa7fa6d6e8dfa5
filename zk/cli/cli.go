// Package cli provides the `zk` command tree (mounted by the lead as `hyrad zk ...`): model setup,
// local inference, proving as a worker and verifying like the chain does.
package cli

import (
	"github.com/consensys/gnark/logger"
	"github.com/spf13/cobra"
)

// NewZKCmd returns the `zk` command with its subcommands.
func NewZKCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "zk",
		Short: "Verifiable inference: model setup, inference, proving and verification",
	}
	cmd.AddCommand(newSetupCmd(), newInferCmd(), newProveCmd(), newVerifyCmd(), newCeremonyCmd(), newImportCmd())
	return cmd
}

// QuietGnark silences gnark's own logger, which writes to stdout: a command that proves, sets up
// or verifies prints its own progress. Every hyrad command that runs gnark calls it from its RunE,
// so that no command tree installs persistent hooks that would shadow the root command's.
func QuietGnark() { logger.Disable() }
