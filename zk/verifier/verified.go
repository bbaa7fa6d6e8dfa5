package verifier

import (
	"crypto/sha256"
	"encoding/binary"
	"sync/atomic"

	"github.com/hyra-network/hyra/internal/fifoset"
)

// VerifiedCacheSize bounds the verified-proof cache: a few blocks' worth of results plus a full
// mempool. An entry is a 32-byte key (about 100 bytes with the map's overhead), so the cache
// holds at most about 7 MB.
const VerifiedCacheSize = 1 << 16

// verifiedCache remembers, by content, the proofs that verified: the key is the sha256 of the
// verifying key's hash, the proof and the whole statement. A node verifies a result ahead of
// execution (in CheckTx, or in parallel in ProcessProposal) and the message handler, which calls
// Verify again on the same bytes, then finds it here instead of running the pairing check a
// second time. The answer is the same either way, since only proofs that verified are stored and
// the key covers every byte the verification depends on; only the time differs. Eviction is
// first-in first-out (internal/fifoset). It is safe for concurrent use.
type verifiedCache struct {
	*fifoset.Set
	hits, misses atomic.Uint64
}

func newVerifiedCache(size int) *verifiedCache { return &verifiedCache{Set: fifoset.New(size)} }

// has is Has, counting a hit or a miss.
func (c *verifiedCache) has(k [32]byte) bool {
	ok := c.Has(k)
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return ok
}

// verifiedKey identifies a verification by everything its outcome depends on: the key (by
// hash), the proof, and the statement the public inputs are computed from, each
// length-prefixed so that no two distinct triples share an encoding. Keying on the statement
// rather than on the public inputs is at least as strict (the statement determines them) and
// spares a hit the binding and the output commitment (Poseidon2).
func verifiedKey(vkHash [32]byte, proof []byte, st Statement) [32]byte {
	h := sha256.New()
	var n [8]byte
	field := func(b []byte) {
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	h.Write([]byte("hyra/verified/v3"))
	h.Write(vkHash[:])
	field(proof)
	field([]byte(st.ChainID))
	binary.BigEndian.PutUint64(n[:], st.TaskID)
	h.Write(n[:])
	field(st.Worker)
	field(st.InputCommitment)
	field(st.Output)
	if st.Sealed { // the same bytes read as a vector or as a sealed output are distinct statements
		h.Write([]byte{1})
	} else {
		h.Write([]byte{0})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
