package cmd

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	hyraclient "github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/worker"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	zkcli "github.com/hyra-network/hyra/zk/cli"
)

const flagMaxConstraints = "max-constraints"

func ceremonyServeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve --from KEY --phase1 FILE --ceremony-root DIR [--models IDS] [--max-constraints N]",
		Short: "Contribute, once each, to every open setup as it appears (validators run it beside their node)",
		Long: `Run until interrupted, contributing once to every model version's open setup (begun on chain, not
finalized, not yet contributed to by --from) whose transcript is under --ceremony-root
(ROOT/phase2/<model id>-v<version>). Each contribution is what 'hyrad zk ceremony contribute'
does: the transcript is first verified against the chain and the registered artifact, and
nothing is contributed to one that does not match.

A validator runs it with its operator's account key (a bonded validator's operator counts as
independent of the model owner), so that every new model gets its independent contribution
without a manual step; the worker daemon does the same for the models it serves
(--contribute-setups). It is a separate process from the node on purpose: contributing to a
large circuit's setup takes tens of CPU-seconds that must not delay the node's votes, and the
node holds no account key. --models and --max-constraints bound what a contribution may cost.

` + ceremonyLong,
		Example: `hyrad zk ceremony serve --from validator --phase1 phase1.bin --ceremony-root /shared/setups
hyrad zk ceremony serve --from validator --phase1 phase1.bin --ceremony-root /shared/setups --models 1,4 --max-constraints 300000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			zkcli.QuietGnark()
			cctx, err := programTxContext(cmd)
			if err != nil {
				return err
			}
			if cctx.GetFromAddress().Empty() {
				return fmt.Errorf("--from: a signing key is required")
			}
			txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
			if err != nil {
				return err
			}
			s := &worker.SetupServer{Query: modeltypes.NewQueryClient(cctx), Sender: hyraclient.NewSender(cctx, txf), Log: newLogger(cmd)}
			if s.Root, _ = cmd.Flags().GetString(flagCeremonyRoot); s.Root == "" || worker.TranscriptSource(s.Root).IsURL() {
				return fmt.Errorf("--%s: the directory of the setup transcripts is required (contributions are written to it)", flagCeremonyRoot)
			}
			path, _ := cmd.Flags().GetString(flagPhase1)
			if s.Phase1, err = os.ReadFile(path); err != nil {
				return fmt.Errorf("--%s: %w", flagPhase1, err)
			}
			ids, _ := cmd.Flags().GetString(flagModels)
			if s.Models, err = worker.ParseIDs(ids); err != nil {
				return fmt.Errorf("--%s: %w", flagModels, err)
			}
			s.MaxConstraints, _ = cmd.Flags().GetUint64(flagMaxConstraints)
			s.Interval, _ = cmd.Flags().GetDuration(flagPollInterval)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			s.Log.Info("serving setup contributions", "from", s.Sender.Address().String(), "ceremony_root", s.Root, "models", ids)
			return s.Run(ctx)
		},
	}
	cmd.Flags().String(flagPhase1, "", "the network's sealed phase-1 file (its sha256 is params.phase1_hash; required)")
	cmd.Flags().String(flagCeremonyRoot, "", "directory of the setup transcripts, ROOT/phase2/<model>-v<version> (required)")
	cmd.Flags().String(flagModels, "", "contribute only to these models' setups (comma-separated ids); default: every model")
	cmd.Flags().Uint64(flagMaxConstraints, 0, "skip setups of circuits with more constraints (0: no limit)")
	cmd.Flags().Duration(flagPollInterval, 5*time.Second, "how often to look for open setups")
	_ = cmd.MarkFlagRequired(flagPhase1)
	addProgramTxFlags(cmd)
	return cmd
}
