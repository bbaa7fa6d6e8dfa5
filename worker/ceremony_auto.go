package worker

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
)

// keyDeriver derives the proving key of a version whose multi-party setup finished, from the
// public transcript: no key is downloaded from anyone. The transcript is verified against the
// chain first (VerifySetup), so the key is the one the chain's verifying key belongs to.
type keyDeriver struct {
	query   modeltypes.QueryClient
	root    string // ceremony root: directory or URL
	phase1  []byte
	keysDir string
}

func (d *keyDeriver) derive(ctx context.Context, mv modeltypes.ModelVersion) ([]byte, error) {
	checked, _, err := DeriveKeys(ctx, d.query, TranscriptFor(d.root, mv.ModelId, mv.Version), d.phase1, mv.ModelId, mv.Version)
	if err != nil {
		return nil, fmt.Errorf("deriving the proving key from the setup transcript: %w", err)
	}
	if _, err := WriteKeys(d.keysDir, mv.ArtifactHash, checked.ProvingKey, checked.VerifyingKey); err != nil {
		return nil, err
	}
	return checked.ProvingKey, nil
}

// setupTurns remembers, per model version, that the worker is done with its setup
// (contributed, finalized, or nothing it can do) or when to look again. done and retry belong
// to the pass running in the background while busy is set.
type setupTurns struct {
	done  map[versionKey]bool
	retry map[versionKey]time.Time
	next  time.Time
	busy  atomic.Bool
	pass  sync.WaitGroup // the background pass, waited for when the worker stops
}

// contributeSetups contributes, once each, to the open setups of the model versions the
// worker is willing to serve (--models, or every active model) whose transcript is under the
// ceremony root: it verifies the transcript against the chain and the artifact, contributes and
// submits (ContributeSetup). It is called between tasks and runs the contributions in the
// background, one pass at a time: a contribution to a large circuit's setup takes tens of
// CPU-seconds (the MNIST CNN's), during which the worker keeps claiming and proving tasks and
// deriving the keys of finished setups. Failures are logged and retried later.
func (w *Worker) contributeSetups(ctx context.Context) error {
	if !w.cfg.ContributeSetups || w.cfg.CeremonyRoot == "" || w.setups.busy.Load() || time.Now().Before(w.setups.next) {
		return nil
	}
	w.setups.next = time.Now().Add(w.cfg.PollInterval)
	models, err := w.willingModels(ctx)
	if err != nil {
		return err
	}
	w.setups.busy.Store(true)
	w.setups.pass.Add(1)
	go func() {
		defer w.setups.pass.Done()
		defer w.setups.busy.Store(false)
		w.contributionPass(ctx, models)
	}()
	return nil
}

// waitSetups waits for the background pass to end (it ends soon after ctx does; a contribution
// the chain did not record is then rolled back from the transcript).
func (w *Worker) waitSetups() { w.setups.pass.Wait() }

// contributionPass contributes to the open setups of models that the worker has not done with.
func (w *Worker) contributionPass(ctx context.Context, models []modeltypes.Model) {
	for _, m := range models {
		for v := max(m.Version, 1); v <= m.Latest(); v++ {
			k := versionKey{m.Id, v}
			if w.setups.done[k] || time.Now().Before(w.setups.retry[k]) {
				continue
			}
			if err := w.contributeTo(ctx, k); err != nil {
				if ctx.Err() != nil {
					return // shutting down: the contribution is retried at the next start
				}
				w.log.Warn("cannot contribute to setup yet", "model", k.model, "version", k.version, "err", err, "retry_in", retryMissingAfter)
				w.setups.retry[k] = time.Now().Add(retryMissingAfter)
			}
		}
	}
}

// contributeTo contributes to one version's setup if it is open and the worker has not.
func (w *Worker) contributeTo(ctx context.Context, k versionKey) error {
	oc, err := FetchSetup(ctx, w.chain.models, k.model, k.version)
	if err != nil {
		return err
	}
	me := w.addr.String()
	switch {
	case oc.Version.SetupStatus != modeltypes.SETUP_STATUS_PENDING, oc.Contributed(me):
		w.setups.done[k] = true
		return nil
	case oc.Setup == nil:
		return nil // not begun: look again next time
	}
	dir := string(TranscriptFor(w.cfg.CeremonyRoot, k.model, k.version))
	if TranscriptSource(dir).IsURL() {
		w.setups.done[k] = true
		w.log.Warn("not contributing: the ceremony root is a URL (read-only)", "model", k.model, "version", k.version, "transcript", dir)
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, ceremony.ManifestFile)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the setup began on chain but its transcript is not in %s", dir)
	}
	if w.phase1 == nil {
		w.setups.done[k] = true
		w.log.Warn("not contributing: no phase-1 file (--phase1)", "model", k.model, "version", k.version)
		return nil
	}
	start := time.Now()
	c, err := ContributeSetup(ctx, w.chain.models, w.sender, dir, w.phase1, k.model, k.version)
	if err != nil {
		return err
	}
	w.setups.done[k] = true
	w.log.Info("contributed to setup", "model", k.model, "version", k.version, "index", c.Index, "file", c.File,
		"tx", c.Tx.Hash, "height", c.Tx.Height, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// willingModels are the models the worker would serve: --models, or every active model.
func (w *Worker) willingModels(ctx context.Context) ([]modeltypes.Model, error) {
	if len(w.cfg.Models) == 0 {
		return w.chain.activeModels(ctx)
	}
	var out []modeltypes.Model
	for _, id := range w.cfg.Models {
		m, err := w.chain.model(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
