package cmd

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/worker"
	zkcli "github.com/hyra-network/hyra/zk/cli"
)

const flagContributeFirst = "contribute"

func ceremonyBeginCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "begin --model ID [--model-version V] --phase1 FILE --transcript DIR --from OWNER",
		Short: "Begin a PENDING version's key setup: compute its start from the registered artifact, write it, submit MsgBeginSetup",
		Long: `Begin the multi-party setup of a model version whose artifact is registered (status PENDING).
The initial phase-2 state and the verifying key's K points are computed from the artifact the
chain holds and the network's phase 1, written as a new transcript in DIR, and proposed on chain
(owner only); every contributor recomputes them before contributing.

` + ceremonyLong,
		Example: `hyrad zk ceremony begin --model 1 --phase1 phase1.bin --transcript setups/phase2/1-v1 --from owner --contribute`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			zkcli.QuietGnark()
			_, sender, t, err := ceremonyTx(cmd)
			if err != nil {
				return err
			}
			dir, err := transcriptDir(cmd)
			if err != nil {
				return err
			}
			s, res, err := worker.BeginSetup(cmd.Context(), t.query, sender, dir, t.phase1, t.model, t.version)
			if err != nil {
				return err
			}
			printTx(cmd, res)
			fmt.Fprintf(cmd.OutOrStdout(), "setup of model %d version %d begun: artifact %x, %d constraints (domain %d), initial state %x in %s\n",
				t.model, t.version, s.ArtifactHash, s.Constraints, s.DomainSize, s.InitialStateHash, dir)
			if first, _ := cmd.Flags().GetBool(flagContributeFirst); first {
				c, err := worker.ContributeFirst(cmd.Context(), t.query, sender, dir, t.phase1, s, t.model, t.version)
				if err != nil {
					return err
				}
				printTx(cmd, c.Tx)
				fmt.Fprintf(cmd.OutOrStdout(), "contribution %d (the owner's) recorded; state written to %s\n", c.Index, filepath.Join(dir, c.File))
			}
			return nil
		},
	}
	addSetupFlags(cmd, "directory to create the transcript in (required)")
	cmd.Flags().Bool(flagContributeFirst, false, "also contribute, on the start just computed (or, if others contributed since the begin, on theirs after verifying them)")
	addProgramTxFlags(cmd)
	return cmd
}

func ceremonyContributeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contribute --model ID [--model-version V] --phase1 FILE --transcript DIR --from KEY",
		Short: "Verify a version's transcript against the chain and the artifact, add a contribution, submit it",
		Long: `Contribute to an open setup. The command first recomputes the setup's start from the registered
artifact and phase 1 and verifies every recorded contribution's file in DIR against the chain's
records; it refuses to contribute to a transcript that does not match. It then draws a fresh
secret (dropped when it exits: keeping it secret is the contributor's whole duty), writes the new
state as DIR's next file and submits MsgContributeSetup. Any account may contribute once;
validators and workers contribute with this same command (the worker daemon does it by itself,
see 'hyrad worker start --help').

` + ceremonyLong,
		Example: `hyrad zk ceremony contribute --model 1 --phase1 phase1.bin --transcript setups/1-v1 --from validator`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			zkcli.QuietGnark()
			_, sender, t, err := ceremonyTx(cmd)
			if err != nil {
				return err
			}
			dir, err := transcriptDir(cmd)
			if err != nil {
				return err
			}
			c, err := worker.ContributeSetup(cmd.Context(), t.query, sender, dir, t.phase1, t.model, t.version)
			if err != nil {
				return err
			}
			printTx(cmd, c.Tx)
			fmt.Fprintf(cmd.OutOrStdout(), "contribution %d to model %d version %d recorded; state written to %s\n",
				c.Index, t.model, t.version, filepath.Join(dir, c.File))
			return nil
		},
	}
	addSetupFlags(cmd, "the version's transcript directory (required)")
	addProgramTxFlags(cmd)
	return cmd
}

func ceremonyFinalizeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "finalize --model ID [--model-version V] --phase1 FILE --transcript DIR|URL --from OWNER [--keys-dir DIR]",
		Short: "Finalize a setup on chain, then derive its keys locally and check the verifying key is the chain's",
		Long: `Finalize a version's setup (owner only). The command checks every recorded contribution's file is
in the transcript with its recorded hash, submits MsgFinalizeSetup (the chain seals the setup
with the finalizing block's hash and builds the verifying key itself; the version then takes
tasks), and derives the proving key from the transcript with the chain's beacon, checking that
the verifying key it yields is the chain's. The keys are written to KEYS_DIR/<artifact sha256>/,
where 'hyrad worker start' reads them.

` + ceremonyLong,
		Example: `hyrad zk ceremony finalize --model 1 --phase1 phase1.bin --transcript setups/1-v1 --from owner`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			zkcli.QuietGnark()
			cctx, sender, t, err := ceremonyTx(cmd)
			if err != nil {
				return err
			}
			src, _ := cmd.Flags().GetString(flagTranscript)
			if src == "" {
				return fmt.Errorf("--%s is required", flagTranscript)
			}
			checked, res, err := worker.FinalizeSetup(cmd.Context(), t.query, sender, worker.TranscriptSource(src), t.phase1, t.model, t.version)
			if res != nil {
				printTx(cmd, res)
			}
			if err != nil {
				return err
			}
			keysDir, _ := cmd.Flags().GetString(flagKeysDir)
			if keysDir == "" {
				keysDir = filepath.Join(cctx.HomeDir, "zk-keys")
			}
			dir, err := worker.WriteKeys(keysDir, checked.ArtifactHash, checked.ProvingKey, checked.VerifyingKey)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "setup of model %d version %d finalized with %d contributions; the verifying key derived from the transcript is the chain's (sha256 %x)\nkeys written to %s\n",
				t.model, t.version, len(checked.Contributions), fileHash(checked.VerifyingKey), dir)
			return nil
		},
	}
	addSetupFlags(cmd, "the version's transcript: a directory or an http(s) URL (required)")
	cmd.Flags().String(flagKeysDir, "", "where to write the derived keys, KEYS_DIR/<artifact sha256>/ (default HOME/zk-keys)")
	addProgramTxFlags(cmd)
	return cmd
}
