package ceremony

import (
	"bytes"
	"crypto/sha256"
	"sync"
)

// recentPrepared keeps the most recent phase-2 starts (circuit, truncated commons, evaluations,
// initial state), which are read-only once built: a contributor verifies the transcript and then
// contributes, a worker contributes to several models' setups and later derives each one's
// proving key, a verifier checks several transcripts of one model, and each would otherwise
// recompute the start (compile, phase 1, initialization: most of the cost of a Verify). At most
// keepPrepared entries are kept (one MNIST CNN start is about 100 MB), newest first.
var recentPrepared struct {
	sync.Mutex
	entries []preparedEntry
}

const keepPrepared = 3

type preparedEntry struct {
	key [sha256.Size]byte
	p   *prepared
}

// preparedFor returns the phase-2 start of the artifact on phase 1, cached by both inputs'
// sha256. The result must not be modified.
func preparedFor(artifactBytes, phase1 []byte) (*prepared, error) {
	a, b := sha256.Sum256(artifactBytes), sha256.Sum256(phase1)
	key := sha256.Sum256(append(a[:], b[:]...))
	if p := takePrepared(key); p != nil {
		return p, nil
	}
	p, err := prepare(artifactBytes, phase1)
	if err != nil {
		return nil, err
	}
	putPrepared(key, p)
	return p, nil
}

// takePrepared returns the cached start for key (and makes it the newest), or nil.
func takePrepared(key [sha256.Size]byte) *prepared {
	recentPrepared.Lock()
	defer recentPrepared.Unlock()
	for i, e := range recentPrepared.entries {
		if e.key == key {
			copy(recentPrepared.entries[1:i+1], recentPrepared.entries[:i])
			recentPrepared.entries[0] = e
			return e.p
		}
	}
	return nil
}

func putPrepared(key [sha256.Size]byte, p *prepared) {
	recentPrepared.Lock()
	defer recentPrepared.Unlock()
	for _, e := range recentPrepared.entries {
		if e.key == key {
			return
		}
	}
	older := recentPrepared.entries[:min(len(recentPrepared.entries), keepPrepared-1)]
	recentPrepared.entries = append([]preparedEntry{{key, p}}, older...)
}

// clone copies s so a caller cannot modify the cached start through it.
func (s *Setup) clone() *Setup {
	c := *s
	c.State, c.InitialStateHash, c.VKK = bytes.Clone(s.State), bytes.Clone(s.InitialStateHash), bytes.Clone(s.VKK)
	c.ArtifactHash, c.Phase1Hash = bytes.Clone(s.ArtifactHash), bytes.Clone(s.Phase1Hash)
	return &c
}
