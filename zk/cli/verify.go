package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

func newVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:          "verify --artifact FILE --vk FILE --proof FILE --chain-id ID --task-id N --worker ADDR --input ... --output ...",
		Short:        "Verify a proof exactly as the chain does",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			vkPath, _ := cmd.Flags().GetString("vk")
			proofPath, _ := cmd.Flags().GetString("proof")
			vk, err := os.ReadFile(vkPath)
			if err != nil {
				return err
			}
			proof, err := os.ReadFile(proofPath)
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
			outStr, _ := cmd.Flags().GetString("output")
			out, err := vector.Parse(outStr)
			if err != nil {
				return fmt.Errorf("--output: %w", err)
			}
			a, _, err := loadArtifact(cmd)
			if err != nil {
				return err
			}
			inCommit, err := verifier.InputCommitment(vector.Encode(in), a.InputScheme())
			if err != nil {
				return err
			}
			st := verifier.Statement{ChainID: b.chainID, TaskID: b.taskID, Worker: b.worker, InputCommitment: inCommit, Output: vector.Encode(out)}
			if a.Private { // a public task's statement on a private-capable model (blinding 0)
				if st.InputCommitment, err = verifier.PublicHidingInput(inCommit); err != nil {
					return err
				}
				if st.Output, err = verifier.PublicSealedOutput(st.Output); err != nil {
					return err
				}
				st.Sealed = true
			}
			if err := verifier.Verify(vk, proof, st); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "proof OK")
			return nil
		},
	}
	cmd.Flags().String("vk", "verifying.key", "verifying key file")
	cmd.Flags().String("proof", "proof.bin", "proof file")
	cmd.Flags().String("output", "", "claimed output vector, comma separated")
	cmd.Flags().String(flagArtifact, "", "model artifact (JSON): it fixes how the input is committed to (v2 models pack it densely)")
	_ = cmd.MarkFlagRequired(flagArtifact)
	_ = cmd.MarkFlagRequired("output")
	addBindingFlags(cmd)
	addInputFlags(cmd)
	return cmd
}
