package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/artifact"
)

func newInferCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:          "infer --artifact FILE --input 1,2,3|--input-file F",
		Short:        "Run a model locally on an input (no proof) and print its output and argmax",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, _, err := loadArtifact(cmd)
			if err != nil {
				return err
			}
			in, err := readInput(cmd)
			if err != nil {
				return err
			}
			out, err := a.Infer(in)
			if err != nil {
				return err
			}
			printOutput(cmd, a, out)
			return nil
		},
	}
	cmd.Flags().String(flagArtifact, "", "model artifact (JSON)")
	_ = cmd.MarkFlagRequired(flagArtifact)
	addInputFlags(cmd)
	return cmd
}

func loadArtifact(cmd *cobra.Command) (*artifact.Artifact, []byte, error) {
	path, _ := cmd.Flags().GetString(flagArtifact)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	a, err := artifact.Parse(b)
	return a, b, err
}

func printOutput(cmd *cobra.Command, a *artifact.Artifact, out []int64) {
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "output: %s\n", formatVector(out))
	best := artifact.Argmax(out)
	if best >= 0 && best < len(a.Output.Labels) {
		fmt.Fprintf(w, "argmax: %d (%s)\n", best, a.Output.Labels[best])
		return
	}
	fmt.Fprintf(w, "argmax: %d\n", best)
}
