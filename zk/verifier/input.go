package verifier

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// InputCommitmentSize is the size of an encoded input commitment: one BN254 scalar, big-endian.
const InputCommitmentSize = fr.Bytes

// InputCommitmentGasPerElement is charged per input element before InputCommitment runs. The
// v1 packing hashes the most per element (7 values per Poseidon2 call): 0.8-1.6 ms for 784
// values (BenchmarkInputCommitment784 in zk/commit, 2 cores under load), at most 2 µs a value,
// which at the SDK's 1,000 gas per 0.1 ms secp256k1 check is 20 gas; 25 leaves margin. The dense
// packing of v2 models costs a fifth of that and is charged the same.
const InputCommitmentGasPerElement uint64 = 25

// InputCommitment decodes a canonical Int64 vector encoding and commits to it under the model
// version's input scheme: the Statement's InputCommitment. Tools call it for each statement they
// check.
func InputCommitment(input []byte, s commit.InputScheme) ([]byte, error) {
	v, err := vector.Decode(input)
	if err != nil {
		return nil, fmt.Errorf("%w: input: %v", ErrInvalidStatement, err)
	}
	return InputCommitmentOf(v, s)
}

// InputCommitmentOf commits to a decoded input under the model version's input scheme. The
// commitment is over the integers, whatever encoding carried them, so the chain decodes a task's
// input with the task's encoding and calls it once per task, at submission.
func InputCommitmentOf(v []int64, s commit.InputScheme) ([]byte, error) {
	c, err := s.Commit(v)
	if err != nil {
		return nil, fmt.Errorf("%w: input: %v", ErrInvalidStatement, err)
	}
	b := c.Bytes()
	return b[:], nil
}

// decodeCommitment reads an input commitment: exactly InputCommitmentSize bytes, below the field
// modulus (one encoding per value).
func decodeCommitment(b []byte) (fr.Element, error) {
	var e fr.Element
	if len(b) != InputCommitmentSize {
		return e, fmt.Errorf("%w: input commitment is %d bytes, want %d", ErrInvalidStatement, len(b), InputCommitmentSize)
	}
	if err := e.SetBytesCanonical(b); err != nil {
		return e, fmt.Errorf("%w: input commitment: %v", ErrInvalidStatement, err)
	}
	return e, nil
}

// HidingInputOf is the input commitment of a task on a private-capable model:
// commit.HidingInput(InputCommitmentOf(v, s), r). The client computes it with its secret r when
// it submits a private task (the chain stores it as given), the worker checks a decrypted input
// against it, and r = 0 gives a public task's (PublicHidingInput).
func HidingInputOf(v []int64, s commit.InputScheme, r fr.Element) ([]byte, error) {
	c, err := s.Commit(v)
	if err != nil {
		return nil, fmt.Errorf("%w: input: %v", ErrInvalidStatement, err)
	}
	h := commit.HidingInput(c, r)
	b := h.Bytes()
	return b[:], nil
}
