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
// zk/cli has none. zk/cli's off-chain verbs of the same names (they work on files only and print
// records for the raw tx commands) move under "ceremony offline", so both stay reachable and the
// names a participant types are the ones that check the chain.
func addCeremonyCommands(zk *cobra.Command) error {
	ceremony := subcommand(zk, "ceremony")
	if ceremony == nil {
		ceremony = &cobra.Command{Use: "ceremony", RunE: client.ValidateCmd}
		zk.AddCommand(ceremony)
	}
	ceremony.Short = "Multi-party setup of a model version's keys: begin, contribute, finalize, verify, status, serve"
	ceremony.Long = ceremonyHelp
	verbs := []*cobra.Command{
		ceremonyBeginCommand(), ceremonyContributeCommand(), ceremonyFinalizeCommand(),
		ceremonyVerifyCommand(), ceremonyStatusCommand(), ceremonyServeCommand(),
	}
	offline := subcommand(ceremony, "offline")
	created := false
	for _, v := range verbs {
		theirs := subcommand(ceremony, v.Name())
		if theirs == nil {
			continue
		}
		if offline == nil {
			created = true
			offline = &cobra.Command{
				Use:   "offline",
				Short: "The same steps on files only, without a node: records are printed for 'hyrad tx modelregistry ...-setup'",
				RunE:  client.ValidateCmd,
			}
		}
		if subcommand(offline, v.Name()) != nil {
			return fmt.Errorf("zk ceremony %s is defined twice", v.Name())
		}
		ceremony.RemoveCommand(theirs)
		offline.AddCommand(theirs)
	}
	if created {
		ceremony.AddCommand(offline)
	}
	ceremony.AddCommand(verbs...)
	return nil
}

// ceremonyHelp is `hyrad zk ceremony --help`.
const ceremonyHelp = `A model version's keys come from a multi-party setup (gnark's Groth16 MPC): nobody can forge
proofs unless every contributor leaked its secret. The network's phase 1 is shared ("phase1");
each model version runs a phase 2 whose contributions the chain records and whose verifying key
the chain builds itself:

  begin       the owner starts it from the registered artifact and the network's phase 1
  contribute  anyone (validators, workers: once each) verifies the transcript against the chain
              and the artifact, adds a contribution and submits it
  finalize    the owner seals it on chain (the block hash is the beacon); the keys are derived
              locally and the verifying key checked against the chain's
  verify      anyone re-checks everything from the artifact, phase 1, the transcript and the chain
  status      what the chain records of a setup
  serve       contribute once to every open setup as it appears (validators, beside the node)

"offline" holds the same steps on files only, for air-gapped participants and tools.

` + ceremonyLong

// subcommand returns cmd's direct subcommand called name, or nil.
func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name {
			return c
		}
	}
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

// ceremonyTx is what every ceremony tx command starts from: the signing side
// and the setup the flags name (with its phase 1).
func ceremonyTx(cmd *cobra.Command) (client.Context, *hyraclient.Sender, *setupTarget, error) {
	cctx, err := programTxContext(cmd)
	if err != nil {
		return cctx, nil, nil, err
	}
	if cctx.GetFromAddress().Empty() {
		return cctx, nil, nil, fmt.Errorf("--from: a signing key is required")
	}
	txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
	if err != nil {
		return cctx, nil, nil, err
	}
	t, err := readSetupTarget(cmd, cctx, true)
	if err != nil {
		return cctx, nil, nil, err
	}
	return cctx, hyraclient.NewSender(cctx, txf), t, nil
}

// printTx reports a committed transaction as the tx commands do.
func printTx(cmd *cobra.Command, res *hyraclient.TxResult) {
	fmt.Fprintf(cmd.OutOrStdout(), "transaction %s succeeded in block %d (gas used %d)\n", res.Hash, res.Height, res.GasUsed)
}
