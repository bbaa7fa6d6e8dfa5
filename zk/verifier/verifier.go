// Package verifier is the only part of Hyra's zk stack the chain imports. It checks a Groth16
// (BN254) proof that a task's output is the registered model's output on the task's input,
// computing every public input itself from chain state. It depends on gnark-crypto only: no
// circuit compilation, no prover, no gnark decoders (which size allocations from untrusted
// length fields), and no gnark logger output in the node.
package verifier

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// Sizes of the accepted encodings, which are gnark's compressed WriteTo formats for a circuit
// with commit.NbPublic public inputs and no BSB22 commitments. Both are exact: anything longer or
// shorter is rejected before decoding.
const (
	// MaxProofSize is Ar (G1, 32) | Bs (G2, 64) | Krs (G1, 32) | uint32 0 (no commitments) |
	// CommitmentPok (G1 at infinity, 32).
	MaxProofSize = 32 + 64 + 32 + 4 + 32
	// MaxVerifyingKeySize is alpha1, beta1, beta2, gamma2, delta1, delta2 (288) | uint32 4 | K[0..3]
	// (4 x 32) | uint32 0 (no committed public inputs) | uint32 0 (no commitment keys).
	MaxVerifyingKeySize = 288 + 4 + (commit.NbPublic+1)*32 + 4 + 4
)

// VerifyGas is charged before Verify runs. Calibrated by BenchmarkVerify against
// BenchmarkSecp256k1Verify with a secp256k1 check priced at 1,000 gas as the SDK does (see
// zk/README.md for the figures): one verification costs about 6-7 secp256k1 checks, rounded up
// with margin.
const VerifyGas uint64 = 8000

// Sentinel errors; every error returned by this package wraps exactly one of them.
var (
	ErrProofSize        = errors.New("proof has the wrong size")
	ErrVerifyingKeySize = errors.New("verifying key has the wrong size")
	ErrMalformedProof   = errors.New("malformed proof")
	ErrBadVerifyingKey  = errors.New("bad verifying key")
	ErrInvalidStatement = errors.New("invalid statement")
	ErrInvalidProof     = errors.New("invalid proof")
)

// Statement is what a proof is checked against, all taken from chain state and the message.
type Statement struct {
	ChainID string
	TaskID  uint64
	Worker  []byte // raw account address bytes (20 bytes)
	Input   []byte // canonical vector encoding of the task input, as stored on chain
	Output  []byte // canonical vector encoding of the submitted output
}

// CheckVerifyingKey validates a verifying key at model registration: exact size, then a strict
// decode (canonical points, subgroup checks, three public inputs, no degenerate points).
func CheckVerifyingKey(vk []byte) error {
	if len(vk) != MaxVerifyingKeySize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrVerifyingKeySize, len(vk), MaxVerifyingKeySize)
	}
	_, err := decodeVerifyingKey(vk)
	return err
}

// Verify checks proof against vk for st. Size caps come before any decoding; the decoded key is
// cached by sha256, so a registered key is decoded once per process, not once per transaction.
// A proof that verified before for exactly these bytes (vk, proof, st) is answered from the
// verified-proof cache without a second pairing check; only proofs that verified are cached, so
// the answer never depends on the cache, only the time it takes. Verification is deterministic.
func Verify(vk []byte, proof []byte, st Statement) error {
	if err := checkSizes(vk, proof); err != nil {
		return err
	}
	vkHash := sha256.Sum256(vk)
	id := verifiedKey(vkHash, proof, st)
	if verified.has(id) {
		return nil
	}
	if err := verify(vkHash, vk, proof, st); err != nil {
		return err
	}
	verified.Add(id)
	return nil
}

// VerifyUncached is Verify without the verified-proof cache: it neither consults nor fills it,
// so every call runs the full verification. For benchmarks of the raw cost, and for callers
// that must not let one check warm another.
func VerifyUncached(vk []byte, proof []byte, st Statement) error {
	if err := checkSizes(vk, proof); err != nil {
		return err
	}
	return verify(sha256.Sum256(vk), vk, proof, st)
}

func checkSizes(vk, proof []byte) error {
	if len(proof) != MaxProofSize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrProofSize, len(proof), MaxProofSize)
	}
	if len(vk) != MaxVerifyingKeySize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrVerifyingKeySize, len(vk), MaxVerifyingKeySize)
	}
	return nil
}

// verify is the verification proper: statement, key (decoded once), proof decoding, pairing.
func verify(vkHash [32]byte, vk, proof []byte, st Statement) error {
	pub, err := publicInputs(st)
	if err != nil {
		return err
	}
	key, err := cachedKey(vkHash, vk)
	if err != nil {
		return err
	}
	p, err := decodeProof(proof)
	if err != nil {
		return err
	}
	return key.verify(p, pub)
}

func publicInputs(st Statement) ([commit.NbPublic]frElement, error) {
	in, err := vector.Decode(st.Input)
	if err != nil {
		return [commit.NbPublic]frElement{}, fmt.Errorf("%w: input: %v", ErrInvalidStatement, err)
	}
	out, err := vector.Decode(st.Output)
	if err != nil {
		return [commit.NbPublic]frElement{}, fmt.Errorf("%w: output: %v", ErrInvalidStatement, err)
	}
	pub, err := commit.PublicInputs(st.ChainID, st.TaskID, st.Worker, in, out)
	if err != nil {
		return pub, fmt.Errorf("%w: %v", ErrInvalidStatement, err)
	}
	return pub, nil
}
