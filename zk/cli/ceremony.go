package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/setup"
)

// The `hyrad zk ceremony` verbs are thin wrappers over zk/ceremony's *Dir functions, which the
// worker daemon and tools call directly.

func newCeremonyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ceremony",
		Short: "Multi-party setup of a model's keys: phase 1, then begin, contribute, verify, finalize",
		Long: `A model version's keys come from a multi-party setup (gnark's Groth16 MPC): nobody can forge
proofs unless every contributor colluded. The network's phase 1 is shared ("phase1"); each model
version runs a phase 2 in a transcript directory (phase2/<model>-v<version>/: manifest.json,
000-initial.bin, 001-<contributor>.bin, ...):

  begin       the owner (or anyone) starts it from the artifact and the sealed phase 1
  contribute  each contributor verifies the transcript from the artifact, adds a contribution and
              submits the printed record on chain
  finalize    seals the transcript with the chain's beacon: the proving key for workers and the
              verifying key the chain built
  verify      anyone re-checks everything from the artifact, phase 1 and the chain's records`,
	}
	cmd.AddCommand(newPhase1Cmd(), newBeginCmd(), newContributeCmd(), newCeremonyVerifyCmd(), newFinalizeCmd())
	return cmd
}

// addCeremonyInputs adds --artifact, --phase1 and --dir.
func addCeremonyInputs(cmd *cobra.Command) {
	cmd.Flags().String(flagArtifact, "", "model artifact (JSON)")
	cmd.Flags().String("phase1", "", "sealed phase-1 file (its sha256 is the chain's phase1_hash)")
	cmd.Flags().String("dir", "", "transcript directory")
	_ = cmd.MarkFlagRequired(flagArtifact)
	_ = cmd.MarkFlagRequired("phase1")
}

func readCeremonyInputs(cmd *cobra.Command) (dir string, artifactBytes, phase1 []byte, err error) {
	dir, _ = cmd.Flags().GetString("dir")
	a, _ := cmd.Flags().GetString(flagArtifact)
	p, _ := cmd.Flags().GetString("phase1")
	if artifactBytes, err = os.ReadFile(a); err != nil {
		return "", nil, nil, err
	}
	phase1, err = os.ReadFile(p)
	return dir, artifactBytes, phase1, err
}

func newBeginCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "begin --artifact FILE --phase1 FILE --model NAME --version N [--dir DIR]",
		Short: "Start a model version's phase 2: writes the transcript directory, prints what the chain records",
		Args:  cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			dir, artifactBytes, phase1, err := readCeremonyInputs(cmd)
			if err != nil {
				return err
			}
			model, _ := cmd.Flags().GetString("model")
			version, _ := cmd.Flags().GetUint64("version")
			if dir == "" {
				dir = ceremony.TranscriptDir(".", model, version)
			}
			s, err := ceremony.BeginDir(dir, model, version, artifactBytes, phase1)
			if err != nil {
				return err
			}
			if jsonOutput(cmd) {
				return printJSON(cmd.OutOrStdout(), map[string]any{
					"dir": dir, "artifact_hash": hex.EncodeToString(s.ArtifactHash), "phase1_hash": hex.EncodeToString(s.Phase1Hash),
					"initial_state_hash": hex.EncodeToString(s.InitialStateHash), "vk_k": hex.EncodeToString(s.VKK),
					"constraints": s.Constraints, "domain_size": s.DomainSize,
				})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "phase 2 of %s v%d begun in %s\n  artifact sha256:    %x\n  phase1_hash:        %x\n  constraints:        %d (domain %d)\n  initial_state_hash: %x\n  vk_k:               %x\nContributors now run: hyrad zk ceremony offline contribute --dir %s --artifact ... --phase1 ... --contributor ADDRESS\n",
				model, version, dir, s.ArtifactHash, s.Phase1Hash, s.Constraints, s.DomainSize, s.InitialStateHash, s.VKK, dir)
			return nil
		},
	}
	addCeremonyInputs(cmd)
	addOutputFlag(cmd)
	cmd.Flags().String("model", "", "model name (for the manifest and the default directory)")
	cmd.Flags().Uint64("version", 0, "model version")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagRequired("version")
	return cmd
}

func newContributeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contribute --dir DIR --artifact FILE --phase1 FILE --contributor ADDRESS",
		Short: "Verify the transcript from the artifact (and --chain), add a contribution, print the record to submit on chain",
		Args:  cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			dir, artifactBytes, phase1, err := readCeremonyInputs(cmd)
			if err != nil {
				return err
			}
			who, _ := cmd.Flags().GetString("contributor")
			chain, err := readChainFlag(cmd)
			if err != nil {
				return err
			}
			if chain == nil {
				fmt.Fprintln(cmd.ErrOrStderr(), "no --chain: compare the initial state hash, K points and earlier records with the chain's yourself")
			}
			rec, err := ceremony.ContributeDir(dir, who, artifactBytes, phase1, chain)
			if err != nil {
				return err
			}
			t, err := ceremony.LoadTranscript(dir)
			if err != nil {
				return err
			}
			index := len(t.States)
			if jsonOutput(cmd) {
				return printJSON(cmd.OutOrStdout(), recordJSON(index, who, rec))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "contribution %d by %s added to %s\nSubmit this record on chain:\n  state_hash: %x\n  delta_g1:   %x\n  delta_g2:   %x\n  proof:      %x\n",
				index, who, dir, rec.StateHash, rec.DeltaG1, rec.DeltaG2, rec.Proof)
			return nil
		},
	}
	addCeremonyInputs(cmd)
	addOutputFlag(cmd)
	cmd.Flags().String("contributor", "", "your account address (names the transcript file)")
	cmd.Flags().String("chain", "", "JSON file with the chain's records of this setup so far (see verify --help)")
	_ = cmd.MarkFlagRequired("dir")
	_ = cmd.MarkFlagRequired("contributor")
	return cmd
}

func newCeremonyVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify --dir DIR --artifact FILE --phase1 FILE [--chain FILE]",
		Short: "Recompute a phase 2 from the artifact and check every contribution and the final key",
		Long: `Recomputes the initial state and K points from the artifact and phase 1, checks every
contribution in order (it follows the previous state, its proof of knowledge verifies, it updated
every delta-dependent point by the same secret), compares with the chain's records if --chain is
given (JSON: initial_state_hash, vk_k, contributions [{state_hash, delta_g1, delta_g2, proof}],
beacon, verifying_key; bytes in hex) and, with a beacon, that the final verifying key is the one
this transcript yields. A failure names the contribution.`,
		Args: cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			dir, artifactBytes, phase1, err := readCeremonyInputs(cmd)
			if err != nil {
				return err
			}
			chain, err := readChainFlag(cmd)
			if err != nil {
				return err
			}
			r, err := ceremony.VerifyDir(dir, artifactBytes, phase1, chain)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "transcript OK: %d contributions on artifact %x (phase1_hash %x)\n", len(r.Contributions), r.ArtifactHash, r.Phase1Hash)
			if r.VerifyingKey != nil {
				fmt.Fprintf(w, "verifying key sha256 %x: the key this artifact's transcript and beacon yield\n", sha(r.VerifyingKey))
			}
			return nil
		},
	}
	addCeremonyInputs(cmd)
	cmd.Flags().String("chain", "", "JSON file with the chain's records of this setup (optional)")
	_ = cmd.MarkFlagRequired("dir")
	return cmd
}

func newFinalizeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "finalize --dir DIR --artifact FILE --phase1 FILE --beacon HEX --out DIR",
		Short: "Seal the transcript with the chain's beacon: writes proving.key and verifying.key",
		Args:  cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			QuietGnark()
			dir, artifactBytes, phase1, err := readCeremonyInputs(cmd)
			if err != nil {
				return err
			}
			beacon, err := hexFlag(cmd, "beacon")
			if err != nil {
				return err
			}
			keys, err := ceremony.FinalizeDir(dir, artifactBytes, phase1, beacon)
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("out")
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			pkPath, vkPath := filepath.Join(out, setup.ProvingKeyFile), filepath.Join(out, setup.VerifyingKeyFile)
			if err := os.WriteFile(pkPath, keys.ProvingKey, 0o644); err != nil {
				return err
			}
			if err := os.WriteFile(vkPath, keys.VerifyingKey, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "proving key:        %s (%d bytes)\nverifying key:      %s (%d bytes)\nverifying key hash: %x\n",
				pkPath, len(keys.ProvingKey), vkPath, len(keys.VerifyingKey), sha(keys.VerifyingKey))
			return nil
		},
	}
	addCeremonyInputs(cmd)
	cmd.Flags().String("beacon", "", "the beacon the chain recorded at finalization, hex")
	cmd.Flags().String("out", ".", "directory for proving.key and verifying.key")
	_ = cmd.MarkFlagRequired("dir")
	_ = cmd.MarkFlagRequired("beacon")
	return cmd
}

// readChainFlag reads --chain if given.
func readChainFlag(cmd *cobra.Command) (*ceremony.ChainRecords, error) {
	path, _ := cmd.Flags().GetString("chain")
	if path == "" {
		return nil, nil
	}
	return readChainJSON(path)
}

func addOutputFlag(cmd *cobra.Command) {
	cmd.Flags().String("output", "text", "text or json")
}

func jsonOutput(cmd *cobra.Command) bool {
	o, _ := cmd.Flags().GetString("output")
	return o == "json"
}

func hexFlag(cmd *cobra.Command, name string) ([]byte, error) {
	s, _ := cmd.Flags().GetString(name)
	b, err := hex.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, fmt.Errorf("--%s must be non-empty hex", name)
	}
	return b, nil
}

func sha(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
