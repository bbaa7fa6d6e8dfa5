package private

import (
	"bytes"
	"crypto/ecdh"
	"fmt"
)

// probeScalar is any X25519 private key: what CheckPublicKey multiplies by.
var probeScalar = bytes.Repeat([]byte{0x5a}, 32)

// CheckPublicKey reports whether an envelope can be sealed to pub. X25519
// takes any 32 bytes as a public key, but for the few points of small order
// (and their non-canonical spellings) every shared secret is zero, and HPKE
// refuses to seal to them: a claim carrying such a key would hold a private
// task that no client can send its input to. X25519 clears the cofactor of
// every scalar, so the product with one fixed scalar is zero exactly for those
// points. It costs one scalar multiplication and is deterministic, so that
// the chain can run it on every claim.
func CheckPublicKey(pub []byte) error {
	if len(pub) != PublicKeySize {
		return fmt.Errorf("%w: public key is %d bytes, want %d", ErrEnvelope, len(pub), PublicKeySize)
	}
	probe, err := ecdh.X25519().NewPrivateKey(probeScalar)
	if err != nil {
		return err
	}
	key, err := ecdh.X25519().NewPublicKey(pub)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEnvelope, err)
	}
	if _, err := probe.ECDH(key); err != nil {
		return fmt.Errorf("%w: public key %x is a point of small order: nothing can be sealed to it", ErrEnvelope, pub)
	}
	return nil
}
