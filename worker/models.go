package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/prover"
)

// retryMissingAfter is how long a model version that could not be loaded
// (typically: no proving key yet) is left alone before trying again, so that
// a key dropped into the keys directory is picked up without a restart and a
// missing one is not re-read and re-logged on every poll.
const retryMissingAfter = 30 * time.Second

// retryPendingAfter is how soon a version whose key setup has not finished
// is looked at again: it may be finalized any block.
const retryPendingAfter = 3 * time.Second

// versionKey names one version of one model.
type versionKey struct{ model, version uint64 }

// loaded is a model version the worker can prove, or why it cannot.
type loaded struct {
	prover *prover.Prover
	name   string
	// artifact is the hash (hex) proofs of this version are bound to.
	artifact string
	err      error
	at       time.Time
	took     time.Duration
	// retry is how long a failed load is left alone (retryMissingAfter, or
	// retryPendingAfter for a version whose setup is not finished).
	retry time.Duration
	// trust says who set up the version's key (for the log).
	trust string
}

// provers caches, per model version, a prover built from the artifact and
// verifying key registered on chain and the local proving key. prover.New
// refuses a proving key from another setup than the registered verifying
// key, so a worker never spends a claim on proofs the chain would reject.
type provers struct {
	query   modeltypes.QueryClient
	keysDir string
	log     *slog.Logger

	// derive, if set, derives a missing proving key from the version's
	// public setup transcript, in the background (models_derive.go).
	derive      *keyDeriver
	deriving    map[versionKey]bool // under mu
	derivations sync.WaitGroup
	// background is the context of the derivations (the worker's run).
	background context.Context

	mu      sync.Mutex
	entries map[versionKey]*loaded
}

func newProvers(query modeltypes.QueryClient, keysDir string, log *slog.Logger) *provers {
	return &provers{
		query: query, keysDir: keysDir, log: log, entries: map[versionKey]*loaded{},
		deriving: map[versionKey]bool{}, background: context.Background(),
	}
}

// get returns the prover of a model version, loading it on first use.
func (p *provers) get(ctx context.Context, modelID, version uint64) (*prover.Prover, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := versionKey{modelID, version}
	if e, ok := p.entries[k]; ok && (e.err == nil || time.Since(e.at) < e.retry) {
		return e.prover, e.err
	}
	e, err := p.load(ctx, k)
	if err != nil {
		// The chain could not be asked: say nothing about the model yet.
		return nil, err
	}
	prev := p.entries[k]
	p.entries[k] = e
	switch {
	case e.err == nil:
		p.log.Info("model ready", "model", modelID, "version", version, "name", e.name, "load", e.took.Round(time.Millisecond),
			"artifact", e.artifact, "key_setup", e.trust)
	case prev == nil || prev.err.Error() != e.err.Error():
		p.log.Warn("cannot serve model", "model", modelID, "version", version, "name", e.name, "err", e.err)
	}
	return e.prover, e.err
}

// setAside makes a model version unusable for retryMissingAfter, after a
// proof of it failed or was refused: the worker released the task and must
// not claim the same task, or another of that version, again at once.
func (p *provers) setAside(modelID, version uint64, reason error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.entries[versionKey{modelID, version}] = &loaded{err: reason, at: time.Now(), retry: retryMissingAfter}
}

// load fetches the version from the chain and builds its prover. Only a
// failure to query is returned as an error; everything wrong with the model
// or key is recorded in the entry.
func (p *provers) load(ctx context.Context, k versionKey) (*loaded, error) {
	start := time.Now()
	res, err := p.query.ModelVersion(ctx, &modeltypes.QueryModelVersionRequest{Id: k.model, Version: k.version})
	if err != nil {
		return nil, fmt.Errorf("model %d version %d: %w", k.model, k.version, err)
	}
	mv := res.ModelVersion
	e := &loaded{
		at: time.Now(), retry: retryMissingAfter, name: fmt.Sprintf("%x", mv.ArtifactHash[:min(6, len(mv.ArtifactHash))]),
		artifact: fmt.Sprintf("%x", mv.ArtifactHash), trust: KeyTrust(mv),
	}
	if mv.SetupStatus == modeltypes.SETUP_STATUS_PENDING {
		e.err, e.retry = errors.New("its key setup has not finished (status PENDING)"), retryPendingAfter
		return e, nil
	}
	pk, err := ReadProvingKey(p.keysDir, mv.ArtifactHash)
	if errors.Is(err, ErrNoProvingKey) && p.derive != nil && mv.SetupStatus == modeltypes.SETUP_STATUS_CEREMONY {
		// As long as a setup contribution: in the background, so that
		// the worker goes on serving the versions it has keys for.
		e.err, e.retry = p.deriveInBackground(k, mv), retryPendingAfter
		return e, nil
	}
	if err != nil {
		e.err = err
		return e, nil //nolint:nilerr // the error is cached in the entry, which is retried later
	}
	pr, err := prover.New(mv.Artifact, pk, mv.VerifyingKey)
	if err != nil {
		e.err = fmt.Errorf("proving key %s: %w", ProvingKeyPath(p.keysDir, mv.ArtifactHash), err)
		return e, nil
	}
	e.prover, e.name, e.took = pr, pr.Model().Name, time.Since(start)
	return e, nil
}
