package worker

import (
	"errors"
	"time"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

// errDeriving is why a version whose key is being derived cannot be served
// yet.
var errDeriving = errors.New("deriving its proving key from the setup transcript (in the background)")

// deriveInBackground starts deriving a version's proving key from its setup
// transcript, unless that is under way, and returns errDeriving. It runs
// under p.mu (from load); the derivation does not hold it, so that proving
// and claiming other versions go on meanwhile.
func (p *provers) deriveInBackground(k versionKey, mv modeltypes.ModelVersion) error {
	if !p.deriving[k] {
		p.deriving[k] = true
		p.derivations.Add(1)
		go p.deriveKey(k, mv)
	}
	return errDeriving
}

// deriveKey derives and writes a version's proving key. Once written, the
// version's entry is dropped, so that the next get loads the key; a failure
// is recorded and tried again after retryMissingAfter.
func (p *provers) deriveKey(k versionKey, mv modeltypes.ModelVersion) {
	defer p.derivations.Done()
	start := time.Now()
	_, err := p.derive.derive(p.background, mv)
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.deriving, k)
	if err != nil {
		p.entries[k] = &loaded{err: err, at: time.Now(), retry: retryMissingAfter}
		p.log.Warn("cannot derive the proving key", "model", k.model, "version", k.version, "err", err)
		return
	}
	delete(p.entries, k)
	p.log.Info("derived the proving key from the setup transcript", "model", k.model, "version", k.version,
		"took", time.Since(start).Round(time.Millisecond))
}
