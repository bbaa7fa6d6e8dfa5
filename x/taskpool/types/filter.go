package types

import "time"

// ClaimFilter is what a worker can take on, for a best-task claim: the
// models it serves and the versions of each it can prove, and the least time
// it needs to prove and submit.
type ClaimFilter struct {
	// Models lists the models served; empty: every model.
	Models []ServedVersions
	// MinWindow is the least claim timeout a task's pool must give.
	MinWindow time.Duration
	// EncryptionKey is the worker's X25519 key, which private tasks need:
	// without one they are not searched.
	EncryptionKey []byte
}

// ServedVersions is a model and the versions of it a worker can prove;
// no versions: every version.
type ServedVersions struct {
	ModelID  uint64
	Versions []uint64
}

// Walks counts the index walks a best-task search under f makes per
// reputation bucket: one for every listed version, one for a model with no
// versions, one for no models at all.
func (f ClaimFilter) Walks() int {
	n := 0
	for _, m := range f.Models {
		n += max(len(m.Versions), 1)
	}
	return max(n, 1)
}

// Allows reports whether a pool's claim timeout gives the worker its window.
func (f ClaimFilter) Allows(claimTimeout time.Duration) bool {
	return claimTimeout >= f.MinWindow
}
