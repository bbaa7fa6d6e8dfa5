// Package prover is the worker side: it runs a model on a task input and proves the result for a
// given chain id, task id and worker address, with a proving key checked against the verifying
// key registered on chain.
package prover

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// ErrKeyMismatch means the proving key was not generated with the given verifying key, or not
// for the given artifact: proofs made with it would be rejected on chain.
var ErrKeyMismatch = errors.New("proving key does not match the verifying key")

// Prover holds a compiled model and its proving key. It is safe for concurrent use.
type Prover struct {
	model *artifact.Artifact
	ccs   constraint.ConstraintSystem
	pk    groth16.ProvingKey
	vk    []byte
}

// New parses the artifact, compiles its circuit, loads the proving key (gnark raw or compressed
// format) and checks that it comes from the same setup as vk: alpha, beta and delta, which are
// fresh random points in every setup, must be equal in both keys.
func New(artifactBytes, provingKey, vk []byte) (*Prover, error) {
	a, err := artifact.Parse(artifactBytes)
	if err != nil {
		return nil, err
	}
	if err := verifier.CheckVerifyingKey(vk); err != nil {
		return nil, err
	}
	var pk groth16bn254.ProvingKey
	if _, err := pk.UnsafeReadFrom(bytes.NewReader(provingKey)); err != nil {
		return nil, fmt.Errorf("read proving key: %w", err)
	}
	var v groth16bn254.VerifyingKey
	if _, err := v.ReadFrom(bytes.NewReader(vk)); err != nil {
		return nil, fmt.Errorf("read verifying key: %w", err)
	}
	same := pk.G1.Alpha.Equal(&v.G1.Alpha) && pk.G1.Beta.Equal(&v.G1.Beta) && pk.G1.Delta.Equal(&v.G1.Delta) &&
		pk.G2.Beta.Equal(&v.G2.Beta) && pk.G2.Delta.Equal(&v.G2.Delta)
	if !same {
		return nil, ErrKeyMismatch
	}
	ccs, err := circuit.Compile(a)
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	if int(pk.Domain.Cardinality) < ccs.GetNbConstraints() || len(pk.InfinityA) != ccs.GetNbPublicVariables()+ccs.GetNbSecretVariables()+ccs.GetNbInternalVariables() { //nolint:gosec // G115: a domain size that fits in memory fits in an int
		return nil, fmt.Errorf("%w: the proving key was made for another circuit", ErrKeyMismatch)
	}
	return &Prover{model: a, ccs: ccs, pk: &pk, vk: vk}, nil
}

// Model returns the parsed artifact.
func (p *Prover) Model() *artifact.Artifact { return p.model }

// Prove runs inference on input and proves it for (chainID, taskID, worker). It returns the
// output vector and the proof in gnark's compressed format (verifier.ProofSize bytes). Each
// proof is checked with the chain's verifier before it is returned, so a worker never submits a
// proof the chain would reject. On a private-capable model it proves a public task (blinding 0).
func (p *Prover) Prove(chainID string, taskID uint64, worker []byte, input []int64) ([]int64, []byte, error) {
	res, err := p.ProveBlinded(chainID, taskID, worker, input, fr.Element{})
	if err != nil {
		return nil, nil, err
	}
	return res.Output, res.Proof, nil
}

// Result is a proved task.
type Result struct {
	// Output is the model's plaintext output. A public task submits vector.Encode(Output); a
	// private task never reveals it.
	Output []int64
	// Sealed is commit.SealOutput(Output, r) on a private-capable model (nil otherwise); a
	// private task submits commit.EncodeSealed(Sealed), which is Statement.Output.
	Sealed []fr.Element
	// Proof is the proof in gnark's compressed format (verifier.ProofSize bytes).
	Proof []byte
	// Statement is what the chain checks Proof against, as the chain builds it (Sealed set on a
	// private-capable model), and what the self-check verified.
	Statement verifier.Statement
}

// ProveBlinded is Prove under the task's blinding r: r = 0 for a public task; a private task's
// r comes from its decrypted input (zk/private). Only a private-capable model takes r != 0.
func (p *Prover) ProveBlinded(chainID string, taskID uint64, worker []byte, input []int64, r fr.Element) (*Result, error) {
	as, err := circuit.AssignBlinded(p.model, chainID, taskID, worker, input, r)
	if err != nil {
		return nil, err
	}
	w, err := circuit.Witness(as.Circuit, false)
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	proof, err := groth16.Prove(p.ccs, p.pk, w)
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	var buf bytes.Buffer
	if _, err := proof.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("encode proof: %w", err)
	}
	st, err := p.statement(chainID, taskID, worker, input, r, as)
	if err != nil {
		return nil, err
	}
	// The one-shot Verify: no cache the worker would never read, and none shared with a chain
	// running in the same (test) process.
	if err := verifier.Verify(p.vk, buf.Bytes(), st); err != nil {
		return nil, fmt.Errorf("%w: self-check failed: %w", ErrKeyMismatch, err)
	}
	return &Result{Output: as.Output, Sealed: as.Sealed, Proof: buf.Bytes(), Statement: st}, nil
}

// statement builds the chain's statement for an assignment from the task's data alone (the
// input commitment through verifier's own functions, as the chain and the client compute it).
func (p *Prover) statement(chainID string, taskID uint64, worker []byte, input []int64, r fr.Element, as *circuit.Assignment) (verifier.Statement, error) {
	st := verifier.Statement{ChainID: chainID, TaskID: taskID, Worker: worker}
	var err error
	if !p.model.Private {
		st.InputCommitment, err = verifier.InputCommitment(vector.Encode(input), p.model.InputScheme())
		st.Output = vector.Encode(as.Output)
		return st, err
	}
	st.InputCommitment, err = verifier.HidingInputOf(input, p.model.InputScheme(), r)
	st.Output, st.Sealed = commit.EncodeSealed(as.Sealed), true
	return st, err
}
