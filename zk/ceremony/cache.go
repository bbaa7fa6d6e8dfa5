package ceremony

import (
	"bytes"
	"crypto/sha256"
	"sync"
)

// lastPrepared keeps the most recent phase-2 start (circuit, truncated commons, evaluations,
// initial state), which is read-only once built: a contributor verifies the transcript and then
// contributes, a verifier checks several transcripts of one model, and each would otherwise
// recompute it (gnark's Initialize converts phase 1 to the Lagrange basis: most of the cost of
// Verify). Only the newest entry is kept, so memory stays one circuit's worth.
var lastPrepared struct {
	sync.Mutex
	key [sha256.Size]byte
	p   *prepared
}

// preparedFor returns the phase-2 start of the artifact on phase 1, cached by both inputs'
// sha256. The result must not be modified.
func preparedFor(artifactBytes, phase1 []byte) (*prepared, error) {
	a, b := sha256.Sum256(artifactBytes), sha256.Sum256(phase1)
	key := sha256.Sum256(append(a[:], b[:]...))
	lastPrepared.Lock()
	p := lastPrepared.p
	hit := p != nil && lastPrepared.key == key
	lastPrepared.Unlock()
	if hit {
		return p, nil
	}
	p, err := prepare(artifactBytes, phase1)
	if err != nil {
		return nil, err
	}
	lastPrepared.Lock()
	lastPrepared.key, lastPrepared.p = key, p
	lastPrepared.Unlock()
	return p, nil
}

// clone copies s so a caller cannot modify the cached start through it.
func (s *Setup) clone() *Setup {
	c := *s
	c.State, c.InitialStateHash, c.VKK = bytes.Clone(s.State), bytes.Clone(s.InitialStateHash), bytes.Clone(s.VKK)
	c.ArtifactHash, c.Phase1Hash = bytes.Clone(s.ArtifactHash), bytes.Clone(s.Phase1Hash)
	return &c
}
