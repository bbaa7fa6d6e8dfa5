package cli

import (
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
)

func newProveCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:          "prove --artifact FILE --pk FILE --vk FILE --chain-id ID --task-id N --worker ADDR --input ...",
		Short:        "Run a model on a task input and prove the output for this chain, task and worker",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			a, artifactBytes, err := loadArtifact(cmd)
			if err != nil {
				return err
			}
			pkPath, _ := cmd.Flags().GetString("pk")
			vkPath, _ := cmd.Flags().GetString("vk")
			outPath, _ := cmd.Flags().GetString("out")
			pk, err := os.ReadFile(pkPath)
			if err != nil {
				return err
			}
			vk, err := os.ReadFile(vkPath)
			if err != nil {
				return err
			}
			b, err := readBinding(cmd)
			if err != nil {
				return err
			}
			in, err := readInput(cmd)
			if err != nil {
				return err
			}
			w := cmd.ErrOrStderr()
			start := time.Now()
			fmt.Fprintln(w, "loading proving key and compiling circuit...")
			p, err := prover.New(artifactBytes, pk, vk)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  done (%s); proving...\n", time.Since(start).Round(time.Millisecond))
			start = time.Now()
			out, proof, err := p.Prove(b.chainID, b.taskID, b.worker, in)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  proved and self-verified (%s)\n", time.Since(start).Round(time.Millisecond))
			if err := os.WriteFile(outPath, proof, 0o644); err != nil {
				return err
			}
			printOutput(cmd, a, out)
			fmt.Fprintf(cmd.OutOrStdout(), "output bytes (hex): %s\nproof: %s (%d bytes)\n", hex.EncodeToString(vector.Encode(out)), outPath, len(proof))
			return nil
		},
	}
	cmd.Flags().String(flagArtifact, "", "model artifact (JSON)")
	cmd.Flags().String("pk", "proving.key", "proving key file")
	cmd.Flags().String("vk", "verifying.key", "verifying key file registered on chain (the proving key is checked against it)")
	cmd.Flags().String("out", "proof.bin", "where to write the proof")
	_ = cmd.MarkFlagRequired(flagArtifact)
	addBindingFlags(cmd)
	addInputFlags(cmd)
	return cmd
}
