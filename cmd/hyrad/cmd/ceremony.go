package cmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"

	hyraclient "github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/worker"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

// The chain-facing verbs of `hyrad zk ceremony`: the participants' side of a model version's
// multi-party key setup (zk/README.md "Setup ceremony"). zk/cli holds the off-chain verbs
// (phase 1, files); these read the chain's records and submit the setup's transactions. Every
// transaction is waited for and its outcome printed, as every tx command does.

const (
	flagVersion    = "model-version"
	flagTranscript = "transcript"
	flagPhase1     = "phase1"
)

// ceremonyLong is the help shared by the chain-facing verbs.
const ceremonyLong = `Transcript files: a model version's transcript is a directory holding 000-initial.bin and one
state file per recorded contribution, named NNN-<contributor address>.bin by the chain's records
(plus zk/ceremony's manifest.json index). begin and contribute write to it, so they need a
directory (a shared filesystem between participants, or copy the directory between turns);
verify, finalize and the worker also read it from an http:// or https:// URL serving those files.`

// addCeremonyCommands adds the chain-facing verbs to zk's "ceremony" command, creating it if
// zk/cli has none. A verb zk/cli already defines is an error: two commands of one name would
// shadow each other.
func addCeremonyCommands(zk *cobra.Command) error {
	var ceremony *cobra.Command
	for _, c := range zk.Commands() {
		if c.Name() == "ceremony" {
			ceremony = c
		}
	}
	if ceremony == nil {
		ceremony = &cobra.Command{
			Use:   "ceremony",
			Short: "Multi-party setup of a model version's keys: begin, contribute, finalize, verify, status",
			RunE:  client.ValidateCmd,
		}
		zk.AddCommand(ceremony)
	}
	verbs := []*cobra.Command{ceremonyBeginCommand(), ceremonyContributeCommand(), ceremonyFinalizeCommand(),
		ceremonyVerifyCommand(), ceremonyStatusCommand()}
	for _, v := range verbs {
		for _, c := range ceremony.Commands() {
			if c.Name() == v.Name() {
				return fmt.Errorf("zk ceremony %s is defined twice", v.Name())
			}
		}
	}
	ceremony.AddCommand(verbs...)
	return nil
}

func addSetupFlags(cmd *cobra.Command, transcriptHelp string) {
	cmd.Flags().Uint64(flagModel, 0, "model id (required)")
	cmd.Flags().Uint64(flagVersion, 0, "model version (default: the model's newest version)")
	cmd.Flags().String(flagTranscript, "", transcriptHelp)
	cmd.Flags().String(flagPhase1, "", "the network's sealed phase-1 file (its sha256 is params.phase1_hash)")
	_ = cmd.MarkFlagRequired(flagModel)
}

// setupTarget is a command's model, version and phase 1, read from its flags and the chain.
type setupTarget struct {
	query   modeltypes.QueryClient
	model   uint64
	version uint64
	phase1  []byte
}

func readSetupTarget(cmd *cobra.Command, cctx client.Context, needPhase1 bool) (*setupTarget, error) {
	t := &setupTarget{query: modeltypes.NewQueryClient(cctx)}
	t.model, _ = cmd.Flags().GetUint64(flagModel)
	t.version, _ = cmd.Flags().GetUint64(flagVersion)
	if t.version == 0 {
		res, err := t.query.Model(cmd.Context(), &modeltypes.QueryModelRequest{Id: t.model})
		if err != nil {
			return nil, fmt.Errorf("model %d: %w", t.model, err)
		}
		t.version = res.Model.Latest()
	}
	if !needPhase1 {
		return t, nil
	}
	path, _ := cmd.Flags().GetString(flagPhase1)
	if path == "" {
		return nil, fmt.Errorf("--%s: the network's sealed phase-1 file is required", flagPhase1)
	}
	var err error
	if t.phase1, err = os.ReadFile(path); err != nil {
		return nil, fmt.Errorf("--%s: %w", flagPhase1, err)
	}
	return t, nil
}

// transcriptDir is --transcript, which must be a directory for commands that write.
func transcriptDir(cmd *cobra.Command) (string, error) {
	dir, _ := cmd.Flags().GetString(flagTranscript)
	if dir == "" {
		return "", fmt.Errorf("--%s: the transcript directory is required", flagTranscript)
	}
	if worker.TranscriptSource(dir).IsURL() {
		return "", fmt.Errorf("--%s %s: this command writes the transcript and needs a directory; URLs are read-only", flagTranscript, dir)
	}
	return filepath.Clean(dir), nil
}

// ceremonySender is the signing side of a ceremony tx command.
func ceremonySender(cmd *cobra.Command) (client.Context, *hyraclient.Sender, error) {
	cctx, err := programTxContext(cmd)
	if err != nil {
		return cctx, nil, err
	}
	if cctx.GetFromAddress().Empty() {
		return cctx, nil, fmt.Errorf("--from: a signing key is required")
	}
	txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
	if err != nil {
		return cctx, nil, err
	}
	return cctx, hyraclient.NewSender(cctx, txf), nil
}

// printTx reports a committed transaction as the tx commands do.
func printTx(cmd *cobra.Command, res *hyraclient.TxResult) {
	fmt.Fprintf(cmd.OutOrStdout(), "transaction %s succeeded in block %d (gas used %d)\n", res.Hash, res.Height, res.GasUsed)
}
