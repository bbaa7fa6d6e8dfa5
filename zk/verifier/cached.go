package verifier

import (
	"crypto/sha256"
	"time"
)

// Verifier verifies proofs for a node, with the node's two caches: the decoded verifying keys
// (a registered key is decoded once, not once per transaction) and the proofs that verified (a
// proof verified ahead of execution, in CheckTx or ProcessProposal, is a lookup when the message
// handler verifies it again). The caches change how long an answer takes, never the answer:
// only proofs that verified are remembered, under a key that covers every byte the verification
// depends on, and verification is deterministic.
//
// The app builds one and hands it to everything that verifies results (x/taskpool's keeper, the
// pre-verifiers of app/preverify), so that they share the caches; two nodes in one process, as
// in tests, each have their own, and a new Verifier is a node that starts cold. It is safe for
// concurrent use.
type Verifier struct {
	keys     *keyCache
	verified *verifiedCache
	timer    Timer
}

// Timer is told how long each verification a Verifier ran took: elapsed for n proofs checked
// together (n is 1 outside a batch). Cache hits are not verifications and are not timed.
type Timer func(elapsed time.Duration, n int)

// SetTimer makes v report its verifications' times to t, for the node's metrics; it must be
// called before v is shared. The times come from this machine's clock and go nowhere but t:
// an answer never depends on them.
func (v *Verifier) SetTimer(t Timer) { v.timer = t }

// timed runs f and reports its duration for n proofs to the timer, if any.
func (v *Verifier) timed(n int, f func()) {
	if v.timer == nil {
		f()
		return
	}
	start := time.Now()
	f()
	v.timer(time.Since(start), n)
}

// New returns a Verifier with empty caches: at most 128 decoded keys (about 35 KB each) and
// VerifiedCacheSize verified proofs (about 7 MB).
func New() *Verifier {
	return &Verifier{keys: newKeyCache(), verified: newVerifiedCache(VerifiedCacheSize)}
}

// Verify checks proof against vk for st. Size checks come before any decoding. A proof that
// verified before for exactly these bytes (vk, proof, st) is answered from the verified-proof
// cache without a second pairing check; otherwise it is verified (the key decoded once and kept)
// and, if it verified, remembered.
func (v *Verifier) Verify(vk []byte, proof []byte, st Statement) error {
	if err := checkSizes(vk, proof); err != nil {
		return err
	}
	vkHash := sha256.Sum256(vk)
	id := verifiedKey(vkHash, proof, st)
	if v.verified.has(id) {
		return nil
	}
	var err error
	v.timed(1, func() { err = verify(vk, proof, st, v.decodedKey(vkHash)) })
	if err != nil {
		return err
	}
	v.verified.Add(id)
	return nil
}

// VerifyUncached is Verify without the verified-proof cache: it neither consults nor fills it,
// so every call runs the full verification (the decoded key is still cached). For measuring the
// raw cost of a verification.
func (v *Verifier) VerifyUncached(vk []byte, proof []byte, st Statement) error {
	if err := checkSizes(vk, proof); err != nil {
		return err
	}
	return verify(vk, proof, st, v.decodedKey(sha256.Sum256(vk)))
}

// Cached reports whether Verify of exactly these bytes would be answered from the
// verified-proof cache, without verifying anything: for a pre-verifier deciding whether a proof
// still needs work.
func (v *Verifier) Cached(vk []byte, proof []byte, st Statement) bool {
	if checkSizes(vk, proof) != nil {
		return false
	}
	return v.verified.Has(verifiedKey(sha256.Sum256(vk), proof, st))
}

// CacheStats reports the verified-proof cache's hits and misses (Verify's lookups) since the
// Verifier was built and how many proofs it holds, for logs, tests and benchmarks.
func (v *Verifier) CacheStats() (hits, misses uint64, size int) {
	return v.verified.hits.Load(), v.verified.misses.Load(), v.verified.Len()
}

// decodedKey returns the key source of verify for a key whose sha256 is vkHash: the key cache.
func (v *Verifier) decodedKey(vkHash [32]byte) func([]byte) (*verifyingKey, error) {
	return func(vk []byte) (*verifyingKey, error) { return v.keys.key(vkHash, vk) }
}
