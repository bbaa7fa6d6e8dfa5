package worker

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
)

// Worker is one worker account run as a daemon.
type Worker struct {
	cfg     Config
	log     *slog.Logger
	addr    sdk.AccAddress
	chainID string
	sender  *client.Sender
	chain   *chain
	provers *provers
	// bondOK is whether the last bond check found min_worker_bond bonded.
	bondOK bool
	// givenUp holds the tasks the worker holds but will not finish, with why
	// (under givenUpMu: a batch's provers give up tasks at once).
	givenUp   map[uint64]string
	givenUpMu sync.Mutex
	// rejections counts refused results per task held.
	rejections map[uint64]int
	// refusals spaces out claims the chain keeps refusing.
	refusals *refusals
	// phase1 is the network's phase-1 file (--phase1), for setups.
	phase1 []byte
	// setups tracks the worker's contributions to model setups.
	setups setupTurns
	// metrics and health are served on MetricsAddr.
	metrics *daemonMetrics
	health  health
	// encKey is the X25519 key private tasks' inputs are encrypted to (nil
	// with --private=false); awaiting holds the private tasks claimed and
	// waiting for their input, with the claim's expiry (see private.go).
	encKey   *private.KeyPair
	awaiting map[uint64]time.Time
	// claimTimes holds how long the claims of private tasks that waited for
	// their input took, for their result's log line; a task the worker held
	// when it started has none (its claim was not timed by this run).
	claimTimes map[uint64]time.Duration
}

// New returns a worker signing with the --from account of cctx.
func New(cctx sdkclient.Context, txf tx.Factory, cfg Config, log *slog.Logger) (*Worker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cctx.GetFromAddress().Empty() {
		return nil, errors.New("no signing account: pass --from KEY")
	}
	c := newChain(cctx)
	var phase1 []byte
	if cfg.Phase1 != "" {
		var err error
		if phase1, err = os.ReadFile(cfg.Phase1); err != nil {
			return nil, fmt.Errorf("phase-1 file: %w", err)
		}
	}
	w := &Worker{
		cfg:        cfg,
		log:        log,
		addr:       cctx.GetFromAddress(),
		chainID:    cctx.ChainID,
		sender:     client.NewSender(cctx, txf),
		chain:      c,
		provers:    newProvers(c.models, cfg.KeysDir, log),
		givenUp:    map[uint64]string{},
		rejections: map[uint64]int{},
		refusals:   newRefusals(),
		phase1:     phase1,
		setups:     setupTurns{done: map[versionKey]bool{}, retry: map[versionKey]time.Time{}},
		metrics:    newDaemonMetrics(),
		awaiting:   map[uint64]time.Time{},
		claimTimes: map[uint64]time.Duration{},
	}
	if err := w.loadEncryptionKey(); err != nil {
		return nil, err
	}
	if cfg.CeremonyRoot != "" && phase1 != nil {
		w.provers.derive = &keyDeriver{query: c.models, root: cfg.CeremonyRoot, phase1: phase1, keysDir: cfg.KeysDir}
	}
	return w, nil
}

// Run works until ctx ends: it prepares the account, then claims, proves and
// submits one task at a time. Losing the node is not an error: it retries
// with backoff until the node is back. It returns an error only for what
// retrying cannot fix.
func (w *Worker) Run(ctx context.Context) error {
	w.log.Info("worker starting", "worker", w.addr.String(), "chain", w.chainID, "keys_dir", w.cfg.KeysDir,
		"pools", w.cfg.Pools, "models", w.cfg.Models, "ceremony_root", w.cfg.CeremonyRoot, "contribute_setups", w.cfg.ContributeSetups)
	if w.encKey != nil {
		w.log.Info("private tasks on: claims carry this encryption key", "encryption_key", hex.EncodeToString(w.encKey.PublicKey()),
			"key_file", EncryptionKeyPath(w.cfg.KeysDir, w.addr.String()))
	}
	w.provers.background = ctx
	if w.cfg.MetricsAddr != "" {
		if err := w.serveMetrics(ctx); err != nil {
			return err
		}
	}
	if err := w.retry(ctx, w.prepare); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	w.health.done(stepPrepared)

	events := client.NewEventStream(w.sender.ClientContext().NodeURI, w.log, client.QueryTaskSubmitted, client.QueryClaimExpired, QueryInputPosted)
	go events.Run(ctx)

	backoff := client.NewBackoff(500*time.Millisecond, 15*time.Second)
	poll := time.NewTicker(w.cfg.PollInterval)
	defer poll.Stop()
	for ctx.Err() == nil {
		worked, err := w.round(ctx)
		if err != nil && ctx.Err() == nil {
			w.nodeFailed(err)
			wait := backoff.Next()
			w.log.Warn("round failed; retrying", "err", err, "retry_in", wait)
			sleep(ctx, wait)
			continue
		}
		if backoff.Failures() > 0 {
			w.log.Info("back to work", "after_failures", backoff.Failures())
		}
		backoff.Reset()
		if worked {
			continue // there may be more tasks waiting
		}
		w.health.done(stepPolled)
		if err := w.contributeSetups(ctx); err != nil && ctx.Err() == nil {
			w.metrics.errors.WithLabelValues(errSetup).Inc()
			w.log.Warn("checking model setups failed", "err", err)
		}
		if wait, reason := w.refusals.wait(); wait > 0 {
			w.log.Warn("claims refused; waiting before claiming again", "reason", reason, "retry_in", wait)
			sleep(ctx, wait)
			continue
		}
		select {
		case <-ctx.Done():
		case <-events.C():
			drain(events.C())
		case <-poll.C:
		}
	}
	w.waitSetups()
	w.provers.derivations.Wait()
	w.log.Info("worker stopped")
	return nil
}

// prepare checks the chain id and the served models, and makes sure the
// account is a registered, bonded worker.
func (w *Worker) prepare(ctx context.Context) error {
	network, err := w.chain.nodeChainID(ctx)
	if err != nil {
		return err
	}
	if network != w.chainID {
		return fatalError{fmt.Errorf("the node runs chain %q but the client is set for %q: proofs are bound to the chain id; pass --chain-id %s", network, w.chainID, network)}
	}
	for _, m := range w.cfg.Models {
		if _, err := w.chain.model(ctx, m); errors.Is(err, errUnknownModel) {
			return fatalError{fmt.Errorf("--models: %w", err)}
		} else if err != nil {
			return err
		}
	}
	if err := w.ensureRegistered(ctx); err != nil {
		return err
	}
	return w.ensureBond(ctx)
}

// round does one step of work: finish the task the worker holds, or claim
// and finish a new one (a private task claimed waits for its input while the
// worker serves others). It reports whether it did anything.
func (w *Worker) round(ctx context.Context) (bool, error) {
	rec, found, err := w.chain.worker(ctx, w.addr.String())
	if err != nil {
		return false, err
	}
	if !found || !rec.Active {
		w.log.Warn("worker is not registered or was deactivated; registering again")
		return false, w.ensureRegistered(ctx)
	}
	held := rec.ActiveTaskIds
	if worked, claim, err := w.finishHeld(ctx, held); !claim || err != nil {
		return worked, err
	}
	// A lapsed claim slashes the bond, which can drop it below
	// min_worker_bond; top it up (or stop with the numbers) before claiming.
	if err := w.ensureBond(ctx); err != nil {
		return false, err
	}
	w.refusals.startRound()
	if w.cfg.Batch > 1 {
		return w.claimAndFinishBatch(ctx, len(held))
	}
	if len(held) > 0 {
		if limit, err := w.chain.maxActiveTasks(ctx); err != nil || len(held) >= limit {
			return false, err
		}
	}
	c, err := w.claim(ctx)
	if err != nil || c == nil {
		return false, err
	}
	w.refusals.claimed()
	if awaitingInput(c.task) {
		w.noteAwaiting(c.task, c.took)
		return true, nil
	}
	return true, w.finish(ctx, c.task, c.took)
}

// finish processes a held task. A stop request does not interrupt it: the
// result is still proved and submitted within SubmitGrace, since an
// abandoned claim would cost part of the bond.
func (w *Worker) finish(ctx context.Context, t tptypes.Task, claimTook time.Duration) error {
	return w.withGrace(ctx, fmt.Sprintf("task %d", t.Id), func(ctx context.Context) error {
		return w.process(ctx, t, claimTook)
	})
}
