package cmd

import (
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	hyraclient "github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/worker"
	zkcli "github.com/hyra-network/hyra/zk/cli"
)

const (
	flagPools        = "pools"
	flagModels       = "models"
	flagKeysDir      = "keys-dir"
	flagBond         = "bond"
	flagPollInterval = "poll-interval"
	flagMinWindow    = "min-window"
	flagCeremonyRoot = "ceremony-root"
	flagContribute   = "contribute-setups"
	flagMetricsAddr  = "metrics-addr"
	flagBatch        = "batch"
	flagProvers      = "provers"
	flagTakePrivate  = "private"
)

// workerCommand is `hyrad worker`, the inference worker daemon.
func workerCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Run an inference worker: claim tasks, prove results, get paid",
		RunE:  client.ValidateCmd,
	}
	cmd.AddCommand(workerStartCommand())
	return cmd
}

func workerStartCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start --from KEY",
		Short: "Start the worker daemon for an account",
		Long: `Start the worker daemon. It registers the --from account as a worker and bonds
min_worker_bond if needed, then claims tasks one at a time, proves each result with a
local proving key and submits it; the chain verifies the proof and pays the worker.

New tasks are learnt from the node's websocket events, with polling as a fallback; the
daemon survives node restarts. Ctrl-C (SIGINT) or SIGTERM stops it after the task in
progress is submitted.

Proving keys are read from --keys-dir, one directory per model artifact named by the
artifact's sha256 (hex). A worker never downloads a proving key: for a version whose
multi-party setup finished (status CEREMONY), it derives the key itself from the public setup
transcript under --ceremony-root (ROOT/phase2/<model id>-v<version>, a directory or an
http(s) URL) and --phase1, after verifying the transcript against the chain, and writes it to
--keys-dir. With --contribute-setups (default on) it also contributes once to every open setup
of a model it is willing to serve whose transcript is in that directory, after verifying it.
Keys of SINGLE_PARTY versions (tests, private devnets) come from the owner's 'hyrad zk setup':

  hyrad zk setup --artifact model.json --out KEYS_DIR/$(sha256sum model.json | cut -c1-64)

Without --models and --pools the worker serves every active model it has a key for.

With --batch N (N > 1) the worker pipelines: it claims up to N tasks in one transaction
(one ClaimBest with a count, or several ClaimTask with --pools; x/taskpool's max_active_tasks
must allow N held tasks, and caps the batch otherwise), proves them on --provers goroutines at once, and submits their
results in one transaction. A result the chain refuses is taken out of the batch and the
others are sent again. The chain's cost per transaction is then paid once per batch.

With --unordered --timeout-duration D (D at most 10m, the chain's limit) the worker sends
unordered transactions: no account sequence, so several worker processes may share one key,
and its transactions never wait for each other to fix a sequence. Each is valid until D after
it is signed (by block time) and refused for good after that; 1m suits a worker.

With --metrics-addr HOST:PORT it serves Prometheus metrics at /metrics (proofs made, proving
time, claims, results, earnings, errors by kind) and /healthz (200 while it reaches the node,
503 otherwise, with its last successful step). Off by default; 127.0.0.1:PORT keeps them on
this machine.

Private tasks (on models with a private price): the worker's claims carry the public half of
an X25519 key it keeps in KEYS_DIR/private/<address>.key (mode 0600, created on first start).
After claiming one it serves other tasks until the task's creator posts the input encrypted to
that key; it checks the input against the task's commitment, proves and submits the output
sealed for the creator, or rejects an input that does not open or match (free for it). The
input and output are never logged or written. --private=false takes no private tasks.`,
		Example: `hyrad worker start --from worker --keys-dir build/keys
hyrad worker start --from worker --models 1,2 --bond 20000000uhyra
hyrad worker start --from worker --pools 3
hyrad worker start --from worker --metrics-addr 127.0.0.1:9464
hyrad worker start --from worker --batch 10 --provers 2
hyrad worker start --from worker --batch 10 --unordered --timeout-duration 1m
hyrad worker start --from worker --ceremony-root /shared/setups --phase1 phase1.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			// gnark logs every compile and proof; the worker logs its own
			// timings per task instead.
			zkcli.QuietGnark()
			cctx, err := programTxContext(cmd)
			if err != nil {
				return err
			}
			cfg, err := workerConfig(cmd, cctx)
			if err != nil {
				return err
			}
			txf, err := hyraclient.FactoryFromFlags(cctx, cmd.Flags())
			if err != nil {
				return err
			}
			w, err := worker.New(cctx, txf, cfg, newLogger(cmd))
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// A second signal kills the process at once.
			go func() { <-ctx.Done(); stop() }()
			return w.Run(ctx)
		},
	}
	cmd.Flags().String(flagPools, "", "claim only from these pools (comma-separated ids), through x/taskpool")
	cmd.Flags().String(flagModels, "", "serve only these models (comma-separated ids); default: every model with a key in --keys-dir")
	cmd.Flags().String(flagKeysDir, "", "directory of proving keys, KEYS_DIR/<artifact sha256>/proving.key (default HOME/zk-keys)")
	cmd.Flags().String(flagCeremonyRoot, "", "where model setup transcripts are, ROOT/phase2/<model>-v<version> (a directory, or a read-only http(s) URL)")
	cmd.Flags().String(flagPhase1, "", "the network's sealed phase-1 file (needed with --ceremony-root)")
	cmd.Flags().Bool(flagContribute, true, "contribute to the open setups of the models this worker serves (needs --ceremony-root, a directory)")
	cmd.Flags().String(flagBond, "", "amount to bond when the bond is below min_worker_bond (default: what is missing)")
	cmd.Flags().Duration(flagPollInterval, worker.DefaultPollInterval, "how often to poll for tasks when no event arrives")
	cmd.Flags().Duration(flagMinWindow, worker.DefaultMinWindow, "claim only in pools whose claim timeout gives at least this long to prove and submit")
	cmd.Flags().Int(flagBatch, 1, "claim, prove and submit up to this many tasks at a time, claims and results each in one transaction (1: one task at a time)")
	cmd.Flags().Int(flagProvers, runtime.GOMAXPROCS(0), "proofs of a batch made at once")
	cmd.Flags().Bool(flagTakePrivate, true, "take private tasks: claims carry the public key of KEYS_DIR/private/<address>.key (created on first start)")
	cmd.Flags().String(flagMetricsAddr, "", "serve /metrics (Prometheus) and /healthz on this host:port (default: off)")
	addProgramTxFlags(cmd)
	return cmd
}

// workerConfig reads the worker's flags.
func workerConfig(cmd *cobra.Command, cctx client.Context) (worker.Config, error) {
	var cfg worker.Config
	var err error
	s, _ := cmd.Flags().GetString(flagPools)
	if cfg.Pools, err = worker.ParseIDs(s); err != nil {
		return cfg, fmt.Errorf("--%s: %w", flagPools, err)
	}
	s, _ = cmd.Flags().GetString(flagModels)
	if cfg.Models, err = worker.ParseIDs(s); err != nil {
		return cfg, fmt.Errorf("--%s: %w", flagModels, err)
	}
	cfg.KeysDir, _ = cmd.Flags().GetString(flagKeysDir)
	if cfg.KeysDir == "" {
		cfg.KeysDir = filepath.Join(cctx.HomeDir, "zk-keys")
	}
	if s, _ = cmd.Flags().GetString(flagBond); s != "" {
		if cfg.Bond, err = sdk.ParseCoinNormalized(s); err != nil {
			return cfg, fmt.Errorf("--%s: %w", flagBond, err)
		}
	}
	cfg.CeremonyRoot, _ = cmd.Flags().GetString(flagCeremonyRoot)
	cfg.Phase1, _ = cmd.Flags().GetString(flagPhase1)
	cfg.ContributeSetups, _ = cmd.Flags().GetBool(flagContribute)
	cfg.PollInterval, _ = cmd.Flags().GetDuration(flagPollInterval)
	cfg.MinWindow, _ = cmd.Flags().GetDuration(flagMinWindow)
	cfg.MetricsAddr, _ = cmd.Flags().GetString(flagMetricsAddr)
	cfg.Batch, _ = cmd.Flags().GetInt(flagBatch)
	cfg.Provers, _ = cmd.Flags().GetInt(flagProvers)
	cfg.Private, _ = cmd.Flags().GetBool(flagTakePrivate)
	return cfg, nil
}

// newLogger writes the daemon's structured log to stderr, at the level of
// the global --log_level flag.
func newLogger(cmd *cobra.Command) *slog.Logger {
	var level slog.Level
	s, _ := cmd.Flags().GetString(flags.FlagLogLevel)
	if err := level.UnmarshalText([]byte(s)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))
}
