// Package fifoset is a bounded set of 32-byte keys (hashes) that forgets the
// oldest key first, safe for concurrent use: the memory of a process-local
// cache (verified proofs, failed transactions) that must never grow with
// what an attacker sends.
package fifoset

import "sync"

// Set holds at most its size in keys; adding past that evicts the oldest.
type Set struct {
	mu   sync.Mutex
	set  map[[32]byte]struct{}
	ring [][32]byte
	next int
}

// New returns an empty set of at most size keys (at least one).
func New(size int) *Set {
	size = max(1, size)
	return &Set{set: make(map[[32]byte]struct{}, size), ring: make([][32]byte, 0, size)}
}

// Add inserts k, evicting the oldest key when full; a key already held takes
// no second slot.
func (s *Set) Add(k [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.set[k]; ok {
		return
	}
	if len(s.ring) < cap(s.ring) {
		s.ring = append(s.ring, k)
	} else {
		delete(s.set, s.ring[s.next])
		s.ring[s.next] = k
		s.next = (s.next + 1) % len(s.ring)
	}
	s.set[k] = struct{}{}
}

// Has reports whether k is held.
func (s *Set) Has(k [32]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.set[k]
	return ok
}

// Len is how many keys are held.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.set)
}
