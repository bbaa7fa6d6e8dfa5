package cli

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/setup"
)

func newSetupCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "setup --artifact FILE --out DIR",
		Short: "Dev/test tool: single-party Groth16 setup of a model artifact (writes proving.key and verifying.key)",
		Long: `Compile a model artifact (hyra-qnn/v1 or v2) into its circuit and run a single-party Groth16 setup:
for tests, benchmarks and private devnets. A network's keys come from "hyrad zk ceremony" (multi-party).

` + setup.TrustWarning,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			path, _ := cmd.Flags().GetString(flagArtifact)
			out, _ := cmd.Flags().GetString("out")
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			_, err = setup.Run(b, out, cmd.OutOrStdout())
			return err
		},
	}
	cmd.Flags().String(flagArtifact, "", "model artifact (JSON)")
	cmd.Flags().String("out", ".", "output directory")
	_ = cmd.MarkFlagRequired(flagArtifact)
	return cmd
}
