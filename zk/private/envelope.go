package private

import (
	"crypto/ecdh"
	"crypto/hpke"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// Purposes of an envelope: to the worker that claimed the task, or to the client itself (stored
// on chain with the task so that the client can re-send the input after a restart).
const (
	PurposeInputToWorker = "input-to-worker"
	PurposeInputToSelf   = "input-to-self"
)

// Caps on what Info binds: a Cosmos chain id is at most 48 bytes, a bech32 address about 65.
const (
	MaxChainIDLen = commit.MaxChainIDLen
	MaxWorkerLen  = 128
)

// plaintextVersion is the first byte of every plaintext; a new layout gets a new value.
const plaintextVersion = 1

// Sizes of an envelope: HPKE's encapsulated key (X25519), the AEAD tag, and the largest
// plaintext, version | r | encoding | an input of vector.MaxLen Int64 elements.
const (
	encapsulatedKeySize = 32
	aeadTagSize         = 16
	maxPlaintextSize    = 1 + fr.Bytes + 1 + vector.MaxLen*vector.ElemSize
	// MaxCiphertextSize bounds every envelope SealInput makes (8,274 bytes); the chain refuses
	// bigger ones before storing them.
	MaxCiphertextSize = encapsulatedKeySize + maxPlaintextSize + aeadTagSize
)

// ErrEnvelope is wrapped by every SealInput and OpenInput error: a bad key, info or plaintext, or
// a ciphertext that does not open (wrong key, tampered, or sealed for another Info).
var ErrEnvelope = errors.New("private input envelope")

// Info is what an envelope is bound to, the HPKE info: a ciphertext sealed for one chain, task,
// worker and purpose does not open under any other, so a posted input cannot be replayed to
// another task or worker, nor a client's note to itself posted as the worker's input.
type Info struct {
	ChainID string
	TaskID  uint64
	Worker  string // the claiming worker's address; for PurposeInputToSelf, the client's
	Purpose string
}

// bytes is the HPKE info: a versioned label, then each field length-prefixed (the task id as
// 8 bytes), so that distinct Infos never share an encoding.
func (i Info) bytes() ([]byte, error) {
	if len(i.ChainID) == 0 || len(i.ChainID) > MaxChainIDLen {
		return nil, fmt.Errorf("%w: chain id length %d outside [1, %d]", ErrEnvelope, len(i.ChainID), MaxChainIDLen)
	}
	if len(i.Worker) == 0 || len(i.Worker) > MaxWorkerLen {
		return nil, fmt.Errorf("%w: worker length %d outside [1, %d]", ErrEnvelope, len(i.Worker), MaxWorkerLen)
	}
	if i.Purpose != PurposeInputToWorker && i.Purpose != PurposeInputToSelf {
		return nil, fmt.Errorf("%w: unknown purpose %q", ErrEnvelope, i.Purpose)
	}
	b := []byte("hyra/private/v1/input")
	for _, s := range []string{i.ChainID, i.Worker, i.Purpose} {
		b = binary.BigEndian.AppendUint16(b, uint16(len(s))) //nolint:gosec // G115: checked above, at most 128
		b = append(b, s...)
	}
	return binary.BigEndian.AppendUint64(b, i.TaskID), nil
}

func suite() (hpke.KDF, hpke.AEAD) { return hpke.HKDFSHA256(), hpke.ChaCha20Poly1305() }

// SealInput encrypts input and its blinding r to recipientPub (a 32-byte X25519 public key) for
// info. The plaintext is version | r (32 bytes, canonical) | encoding | input in its most compact
// vector encoding.
func SealInput(recipientPub []byte, info Info, input []int64, r fr.Element) ([]byte, error) {
	ib, err := info.bytes()
	if err != nil {
		return nil, err
	}
	if len(recipientPub) != PublicKeySize {
		return nil, fmt.Errorf("%w: recipient key is %d bytes, want %d", ErrEnvelope, len(recipientPub), PublicKeySize)
	}
	pk, err := hpke.DHKEM(ecdh.X25519()).NewPublicKey(recipientPub)
	if err != nil {
		return nil, fmt.Errorf("%w: recipient key: %w", ErrEnvelope, err)
	}
	if len(input) == 0 || len(input) > vector.MaxLen {
		return nil, fmt.Errorf("%w: input length %d outside [1, %d]", ErrEnvelope, len(input), vector.MaxLen)
	}
	enc, e := vector.EncodeCompact(input)
	rb := r.Bytes()
	pt := make([]byte, 0, 2+len(rb)+len(enc))
	pt = append(pt, plaintextVersion)
	pt = append(pt, rb[:]...)
	pt = append(pt, byte(e)) //nolint:gosec // G115: an Encoding is 0..2
	pt = append(pt, enc...)
	kdf, aead := suite()
	ct, err := hpke.Seal(pk, kdf, aead, ib, pt)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEnvelope, err)
	}
	return ct, nil
}

// OpenInput decrypts an envelope sealed to k for info and returns the input and its blinding.
// It fails for another key or info, a tampered or oversized ciphertext, and any plaintext that is
// not exactly one of SealInput's (unknown version or encoding, non-canonical r or vector).
func (k *KeyPair) OpenInput(ct []byte, info Info) (input []int64, r fr.Element, err error) {
	ib, err := info.bytes()
	if err != nil {
		return nil, r, err
	}
	if len(ct) > MaxCiphertextSize {
		return nil, r, fmt.Errorf("%w: ciphertext is %d bytes, at most %d", ErrEnvelope, len(ct), MaxCiphertextSize)
	}
	priv, err := hpke.NewDHKEMPrivateKey(k.priv)
	if err != nil {
		return nil, r, fmt.Errorf("%w: %w", ErrEnvelope, err)
	}
	kdf, aead := suite()
	pt, err := hpke.Open(priv, kdf, aead, ib, ct)
	if err != nil {
		return nil, r, fmt.Errorf("%w: does not open: %w", ErrEnvelope, err)
	}
	return parsePlaintext(pt)
}

func parsePlaintext(pt []byte) ([]int64, fr.Element, error) {
	var r fr.Element
	if len(pt) < 2+fr.Bytes || pt[0] != plaintextVersion {
		return nil, r, fmt.Errorf("%w: malformed plaintext", ErrEnvelope)
	}
	if err := r.SetBytesCanonical(pt[1 : 1+fr.Bytes]); err != nil {
		return nil, r, fmt.Errorf("%w: blinding: %w", ErrEnvelope, err)
	}
	e := vector.Encoding(pt[1+fr.Bytes])
	input, err := vector.DecodeAs(pt[2+fr.Bytes:], e)
	if err != nil {
		return nil, r, fmt.Errorf("%w: input: %w", ErrEnvelope, err)
	}
	return input, r, nil
}

// NewBlinding returns a task's secret blinding, uniform in Fr from crypto/rand (gnark-crypto's
// SetRandom samples by rejection, with no modular bias).
func NewBlinding() (fr.Element, error) {
	var r fr.Element
	if _, err := r.SetRandom(); err != nil {
		return r, fmt.Errorf("blinding: %w", err)
	}
	return r, nil
}
