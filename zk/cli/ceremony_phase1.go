package cli

import (
	"encoding/hex"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/hyra-network/hyra/zk/ceremony"
)

func newPhase1Cmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "phase1",
		Short: "The network-wide phase 1 (powers of tau): new, contribute, verify, seal, show",
		Long: `Phase 1 is run once for a network, sized for the largest circuit it allows (a power of two).
Contributors take turns: each runs "contribute" on the previous file (the first on "new"'s),
after checking the chain so far with "verify". "seal" applies a public beacon fixed after the
last contribution; the sealed file's hash and anchor go into the chain's genesis params.`,
	}
	cmd.AddCommand(newPhase1NewCmd(), newPhase1ContributeCmd(), newPhase1VerifyCmd(), newPhase1SealCmd(),
		newPhase1ShowCmd(), newPhase1InsecureCmd())
	return cmd
}

func newPhase1NewCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new --size N --out FILE",
		Short: "Write the starting phase-1 file for domain size N (a power of two)",
		Args:  cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, _ := cmd.Flags().GetUint64("size")
			b, err := ceremony.NewPhase1(n)
			if err != nil {
				return err
			}
			return writeOut(cmd, b, "phase-1 start (domain %d)", n)
		},
	}
	cmd.Flags().Uint64("size", 0, "domain size (a power of two >= the largest circuit's constraint count)")
	addOutFlag(cmd)
	_ = cmd.MarkFlagRequired("size")
	return cmd
}

func newPhase1ContributeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contribute --in FILE --out FILE",
		Short: "Add a contribution (fresh secrets from crypto/rand, dropped on exit) to a phase-1 file",
		Args:  cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			in, _ := cmd.Flags().GetString("in")
			prev, err := os.ReadFile(in)
			if err != nil {
				return err
			}
			next, err := ceremony.ContributePhase1(prev)
			if err != nil {
				return err
			}
			return writeOut(cmd, next, "phase-1 contribution, sha256 %x", sha(next))
		},
	}
	cmd.Flags().String("in", "", "the previous phase-1 file (from new or the last contributor)")
	addOutFlag(cmd)
	_ = cmd.MarkFlagRequired("in")
	return cmd
}

func newPhase1VerifyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "verify FILE...",
		Short: "Verify a chain of phase-1 contribution files, in order",
		Args:  cobra.MinimumNArgs(1), SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := readFiles(args)
			if err != nil {
				return err
			}
			n, err := ceremony.VerifyPhase1(files)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "phase 1 OK: %d contributions, domain %d\n", len(files), n)
			return nil
		},
	}
}

func newPhase1SealCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "seal --beacon HEX --out FILE FILE...",
		Short: "Verify the chain of phase-1 files and seal the last with a public beacon",
		Args:  cobra.MinimumNArgs(1), SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			beacon, err := hexFlag(cmd, "beacon")
			if err != nil {
				return err
			}
			files, err := readFiles(args)
			if err != nil {
				return err
			}
			sealed, err := ceremony.SealPhase1(files, beacon)
			if err != nil {
				return err
			}
			if err := writeOut(cmd, sealed, "sealed phase 1"); err != nil {
				return err
			}
			return showPhase1(cmd, sealed)
		},
	}
	cmd.Flags().String("beacon", "", "public randomness fixed after the last contribution, hex (e.g. a later block hash)")
	addOutFlag(cmd)
	addOutputFlag(cmd)
	_ = cmd.MarkFlagRequired("beacon")
	return cmd
}

func newPhase1ShowCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show FILE",
		Short: "Print a sealed phase 1's domain size, hash (phase1_hash) and anchor (the chain's params)",
		Args:  cobra.ExactArgs(1), SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			return showPhase1(cmd, b)
		},
	}
	addOutputFlag(cmd)
	return cmd
}

func newPhase1InsecureCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "insecure-test --size N --out FILE",
		Short: "Write the INSECURE deterministic test phase 1 (public secrets: tests and local demos only)",
		Long: `Writes sealed phase-1 commons built from PUBLIC, fixed secrets (ceremony.InsecureTestPhase1).
Anyone can forge proofs for every model set up on it. Use it only for tests and local demos;
never pin its hash in a network's params.`,
		Args: cobra.NoArgs, SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, _ := cmd.Flags().GetUint64("size")
			b, err := ceremony.InsecureTestPhase1(n)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.ErrOrStderr(), "WARNING: INSECURE test phase 1: its secrets are public; anyone can forge proofs for models set up on it.")
			if err := writeOut(cmd, b, "insecure test phase 1 (domain %d)", n); err != nil {
				return err
			}
			return showPhase1(cmd, b)
		},
	}
	cmd.Flags().Uint64("size", 0, "domain size (a power of two)")
	addOutFlag(cmd)
	addOutputFlag(cmd)
	_ = cmd.MarkFlagRequired("size")
	return cmd
}

func showPhase1(cmd *cobra.Command, sealed []byte) error {
	n, err := ceremony.PhaseOneDomain(sealed)
	if err != nil {
		return err
	}
	a, err := ceremony.Anchor(sealed)
	if err != nil {
		return err
	}
	h := ceremony.Phase1Hash(sealed)
	if jsonOutput(cmd) {
		return printJSON(cmd.OutOrStdout(), map[string]any{"domain_size": n, "phase1_hash": hex.EncodeToString(h), "anchor": anchorJSON(a)})
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "domain size:   %d\nphase1_hash:   %x\nanchor alpha1: %x\nanchor beta1:  %x\nanchor beta2:  %x\n", n, h, a.Alpha1, a.Beta1, a.Beta2)
	return nil
}

func readFiles(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func addOutFlag(cmd *cobra.Command) {
	cmd.Flags().String("out", "", "file to write")
	_ = cmd.MarkFlagRequired("out")
}

// writeOut writes b to --out and says so on stderr (stdout carries the command's result).
func writeOut(cmd *cobra.Command, b []byte, what string, args ...any) error {
	out, _ := cmd.Flags().GetString("out")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %s (%d bytes)\n", out, fmt.Sprintf(what, args...), len(b))
	return nil
}
