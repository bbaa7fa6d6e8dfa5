package verifier_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/hyra-network/hyra/zk/verifier"
)

var sentinels = []error{
	verifier.ErrProofSize, verifier.ErrVerifyingKeySize, verifier.ErrMalformedProof,
	verifier.ErrBadVerifyingKey, verifier.ErrInvalidStatement, verifier.ErrInvalidProof,
}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// FuzzVerifyProof feeds arbitrary proof bytes: no panic, only sentinel errors, and nothing but
// the genuine proof verifies.
func FuzzVerifyProof(f *testing.F) {
	vk, proof, st := loadFixture(f)
	f.Add(proof)
	f.Add(proof[:100])
	f.Add(make([]byte, verifier.ProofSize))
	f.Add(bytes.Repeat([]byte{0xff}, verifier.ProofSize))
	flipped := bytes.Clone(proof)
	flipped[40] ^= 0x10
	f.Add(flipped)
	f.Fuzz(func(t *testing.T, b []byte) {
		err := verifier.Verify(vk, b, st)
		if err == nil {
			if !bytes.Equal(b, proof) {
				t.Fatalf("a different proof verified: %x", b)
			}
			return
		}
		if !wrapsSentinel(err) {
			t.Fatalf("error without sentinel: %v", err)
		}
	})
}

// FuzzCheckVerifyingKey feeds arbitrary key bytes: no panic, only sentinel errors.
func FuzzCheckVerifyingKey(f *testing.F) {
	vk, _, _ := loadFixture(f)
	f.Add(vk)
	f.Add(vk[:200])
	f.Add(make([]byte, verifier.VerifyingKeySize))
	f.Add(append(bytes.Clone(vk), 0))
	huge := bytes.Clone(vk)
	huge[288] = 0xff
	f.Add(huge)
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := verifier.CheckVerifyingKey(b); err != nil && !wrapsSentinel(err) {
			t.Fatalf("error without sentinel: %v", err)
		}
	})
}
