package cmd

import (
	"crypto/sha256"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	"github.com/hyra-network/hyra/worker"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	zkcli "github.com/hyra-network/hyra/zk/cli"
)

func ceremonyVerifyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify --model ID [--model-version V] --phase1 FILE --transcript DIR|URL",
		Short: "Recompute a version's setup from its artifact, phase 1 and transcript, and check it against the chain",
		Long: `The one command anyone runs to check a model version's key. It recomputes the setup's start from
the artifact registered on chain and the phase-1 file (whose hash and anchor must be the ones the
setup began on), then checks every recorded contribution's file: it follows the previous state,
its proof of knowledge verifies, it updated all of the proving key's points by the same secret,
and it is exactly the record on chain. For a finalized setup it seals the transcript with the
chain's beacon and checks the result is the chain's verifying key. It fails naming the first bad
or missing contribution.

` + ceremonyLong,
		Example: `hyrad zk ceremony verify --model 1 --phase1 phase1.bin --transcript https://example.org/setups/phase2/1-v1`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			zkcli.QuietGnark()
			cctx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			t, err := readSetupTarget(cmd, cctx, true)
			if err != nil {
				return err
			}
			src, _ := cmd.Flags().GetString(flagTranscript)
			if src == "" {
				return fmt.Errorf("--%s is required", flagTranscript)
			}
			oc, err := worker.FetchSetup(cmd.Context(), t.query, t.model, t.version)
			if err != nil {
				return err
			}
			checked, err := worker.VerifySetup(cmd.Context(), worker.TranscriptSource(src), t.phase1, oc)
			if err != nil {
				return fmt.Errorf("model %d version %d: setup does NOT verify: %w", t.model, t.version, err)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "model %d version %d: the setup verifies against the chain\n", t.model, t.version)
			fmt.Fprintf(w, "  artifact:       %x (%d constraints, domain %d)\n", checked.ArtifactHash, checked.Constraints, checked.DomainSize)
			fmt.Fprintf(w, "  phase 1:        %x\n", checked.Phase1Hash)
			fmt.Fprintf(w, "  initial state:  %x (recomputed from the artifact and phase 1)\n", checked.InitialStateHash)
			printContributions(w, oc)
			if oc.Finalized() {
				fmt.Fprintf(w, "  finalized at height %d, beacon %x: the transcript yields the chain's verifying key (sha256 %x)\n",
					oc.Setup.FinalizedHeight, oc.Setup.Beacon, fileHash(checked.VerifyingKey))
				fmt.Fprintf(w, "  %s\n", worker.KeyTrust(oc.Version))
			} else {
				fmt.Fprintln(w, "  not finalized yet: the key does not exist until the owner finalizes")
			}
			return nil
		},
	}
	addSetupFlags(cmd, "the version's transcript: a directory or an http(s) URL (required)")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

func ceremonyStatusCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "status --model ID [--model-version V]",
		Short:   "Show a version's setup as the chain records it: status, contributions, what is missing",
		Example: `hyrad zk ceremony status --model 1`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			cctx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			t, err := readSetupTarget(cmd, cctx, false)
			if err != nil {
				return err
			}
			oc, err := worker.FetchSetup(cmd.Context(), t.query, t.model, t.version)
			if err != nil {
				return err
			}
			params, err := t.query.Params(cmd.Context(), &modeltypes.QueryParamsRequest{})
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			v := oc.Version
			fmt.Fprintf(w, "model %d version %d: %s, artifact %x\n", v.ModelId, v.Version, v.SetupStatus, v.ArtifactHash)
			if oc.Setup == nil {
				fmt.Fprintln(w, "  no setup has begun (the owner begins it: hyrad zk ceremony begin)")
				return nil
			}
			fmt.Fprintf(w, "  begun at height %d by %s on phase 1 %x\n", oc.Setup.BegunHeight, oc.Setup.BegunBy, oc.Setup.Phase1Hash)
			printContributions(w, oc)
			if oc.Finalized() {
				fmt.Fprintf(w, "  finalized at height %d, beacon %x; %s\n", oc.Setup.FinalizedHeight, oc.Setup.Beacon, worker.KeyTrust(v))
				return nil
			}
			fmt.Fprintf(w, "  open: the owner can finalize with at least %d contributors, one of them independent of the owner (a bonded validator's operator, or a bonded worker with reputation >= %d)\n",
				params.Params.MinSetupContributors, params.Params.IndependentMinReputation)
			return nil
		},
	}
	cmd.Flags().Uint64(flagModel, 0, "model id (required)")
	cmd.Flags().Uint64(flagVersion, 0, "model version (default: the model's newest version)")
	_ = cmd.MarkFlagRequired(flagModel)
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

func printContributions(w io.Writer, oc *worker.SetupOnChain) {
	if len(oc.Contributions) == 0 {
		fmt.Fprintln(w, "  no contributions yet")
	}
	for _, c := range oc.Contributions {
		fmt.Fprintf(w, "  contribution %d: %s, state %x (height %d)\n", c.Index, c.Contributor, c.StateHash, c.Height)
	}
}

func fileHash(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
