// Package verifier is the only part of Hyra's zk stack the chain imports. It checks a Groth16
// (BN254) proof that a task's output is the registered model's output on the task's input,
// computing every public input itself from chain state. It depends on gnark-crypto only: no
// circuit compilation, no prover, no gnark decoders (which size allocations from untrusted
// length fields), and no gnark logger output in the node. The chain verifies through a Verifier,
// a value holding the node's caches (decoded keys, verified proofs) that the app builds; the
// package-level Verify is the same check without caches, for tools.
package verifier

import (
	"errors"
	"fmt"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// Sizes of the accepted encodings, which are gnark's compressed WriteTo formats for a circuit
// with commit.NbPublic public inputs and no BSB22 commitments. Both are exact, not maxima:
// anything longer or shorter is rejected before decoding.
const (
	// ProofSize is Ar (G1, 32) | Bs (G2, 64) | Krs (G1, 32) | uint32 0 (no commitments) |
	// CommitmentPok (G1 at infinity, 32).
	ProofSize = 32 + 64 + 32 + 4 + 32
	// VerifyingKeySize is alpha1, beta1, beta2, gamma2, delta1, delta2 (288) | uint32 4 | K[0..3]
	// (4 x 32) | uint32 0 (no committed public inputs) | uint32 0 (no commitment keys).
	VerifyingKeySize = 288 + 4 + (commit.NbPublic+1)*32 + 4 + 4
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
	// InputCommitment is the task input's commitment (InputCommitmentSize bytes, big-endian,
	// canonical), which the chain computes once when the task is submitted and stores with it
	// (InputCommitment), so that no verification hashes the input again.
	InputCommitment []byte
	Output          []byte // canonical vector encoding of the submitted output
	// Sealed is set for every task on a private-capable model version (artifact "private":
	// true), private or not: InputCommitment is then a commit.HidingInput and Output the
	// commit.EncodeSealed ciphertext, checked against commit.SealedOutputCommitment. A public
	// task on such a model passes PublicSealedOutput of its plaintext output.
	Sealed bool
}

// CheckVerifyingKey validates a verifying key at model registration: exact size, then a strict
// decode (canonical points, subgroup checks, three public inputs, no degenerate points).
func CheckVerifyingKey(vk []byte) error {
	if len(vk) != VerifyingKeySize {
		return fmt.Errorf("%w: %d bytes, want exactly %d", ErrVerifyingKeySize, len(vk), VerifyingKeySize)
	}
	_, err := decodeVerifyingKey(vk)
	return err
}

// Verify checks proof against vk for st once, with no cache: the key is decoded for this call
// alone and nothing is remembered. For tools that check a proof now and then (the CLI's verify
// command, the client's result check, the prover's self-check of each proof it makes); the chain
// verifies through a Verifier, whose caches it builds and owns. The answer, errors included, is
// the one a Verifier gives.
func Verify(vk []byte, proof []byte, st Statement) error {
	if err := checkSizes(vk, proof); err != nil {
		return err
	}
	return verify(vk, proof, st, decodeVerifyingKey)
}

func checkSizes(vk, proof []byte) error {
	if len(proof) != ProofSize {
		return fmt.Errorf("%w: %d bytes, want exactly %d", ErrProofSize, len(proof), ProofSize)
	}
	if len(vk) != VerifyingKeySize {
		return fmt.Errorf("%w: %d bytes, want exactly %d", ErrVerifyingKeySize, len(vk), VerifyingKeySize)
	}
	return nil
}

// verify is the verification proper, after the size checks: statement, key (from key, which
// decodes it or finds it decoded), proof decoding, pairing.
func verify(vk, proof []byte, st Statement, key func(vk []byte) (*verifyingKey, error)) error {
	pub, err := publicInputs(st)
	if err != nil {
		return err
	}
	k, err := key(vk)
	if err != nil {
		return err
	}
	p, err := decodeProof(proof)
	if err != nil {
		return err
	}
	return k.verify(p, pub)
}

func publicInputs(st Statement) ([commit.NbPublic]frElement, error) {
	in, err := decodeCommitment(st.InputCommitment)
	if err != nil {
		return [commit.NbPublic]frElement{}, err
	}
	if st.Sealed {
		return sealedPublicInputs(st, in)
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
