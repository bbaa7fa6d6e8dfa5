// Package zktest gives other modules' tests real models, their verifying keys and provers: the
// iris model from its committed keys (no setup runs), and the digits model from a setup run once
// per test binary (about 0.5 s). Proving takes a few milliseconds (iris) to about 50 ms (digits).
package zktest

import (
	"io"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
)

// ProveFunc proves the model's output on input for (chainID, taskID, worker) and returns the
// canonical output encoding and the proof, both exactly as a worker submits them. It fails the
// test on error (for example an input outside the model's schema).
type ProveFunc func(chainID string, taskID uint64, worker []byte, input []int64) (outputBytes, proofBytes []byte)

var iris = sync.OnceValues(func() (*prover.Prover, error) {
	return prover.New(models.IrisArtifact, models.IrisProvingKey, models.IrisVerifyingKey)
})

// digits is the digits model with keys from a setup run once per test binary: its proving key
// (1.3 MB) is not committed, and the setup takes about 0.5 s.
var digits = sync.OnceValues(func() (*digitsModel, error) { return setupModel(models.DigitsArtifact) })

// digitsPrivate is the private-capable digits copy, set up the same way (about 1 s).
var digitsPrivate = sync.OnceValues(func() (*digitsModel, error) { return setupModel(models.DigitsPrivateArtifact) })

// setupModel runs a single-party, test-only setup (its toxic waste is discarded but nothing
// proves it) and builds a prover with the keys.
func setupModel(doc []byte) (*digitsModel, error) {
	a, err := artifact.Parse(doc)
	if err != nil {
		return nil, err
	}
	keys, err := setup.Generate(a, io.Discard)
	if err != nil {
		return nil, err
	}
	p, err := prover.New(doc, keys.ProvingKey, keys.VerifyingKey)
	if err != nil {
		return nil, err
	}
	return &digitsModel{prover: p, verifyingKey: keys.VerifyingKey}, nil
}

type digitsModel struct {
	prover       *prover.Prover
	verifyingKey []byte
}

// Iris returns the iris artifact bytes (4 inputs in [0, 127], 3 outputs), its verifying key and a
// prover for it. The prover is built once per test binary.
func Iris(t testing.TB) (artifactBytes, verifyingKey []byte, prove ProveFunc) {
	t.Helper()
	p, err := iris()
	if err != nil {
		t.Fatalf("zktest: iris prover: %v", err)
	}
	return models.IrisArtifact, models.IrisVerifyingKey, proveWith(t, p)
}

// Digits returns the digits artifact bytes (64 inputs in [0, 16], 10 outputs), a verifying key
// from this test binary's setup, and a prover for it.
func Digits(t testing.TB) (artifactBytes, verifyingKey []byte, prove ProveFunc) {
	t.Helper()
	m, err := digits()
	if err != nil {
		t.Fatalf("zktest: digits setup: %v", err)
	}
	return models.DigitsArtifact, m.verifyingKey, proveWith(t, m.prover)
}

// PrivateProveFunc proves a task on a private-capable model under blinding r and returns what a
// worker submits for a private task: the sealed output (commit.EncodeSealed) and the proof. The
// proof verifies under a verifier.Statement with Sealed set and the client's
// verifier.HidingInputOf(input, scheme, r) as InputCommitment.
type PrivateProveFunc func(chainID string, taskID uint64, worker []byte, input []int64, r fr.Element) (sealedOutput, proofBytes []byte)

// DigitsPrivate returns the private-capable digits artifact (models.DigitsPrivateArtifact), a
// verifying key from this test binary's setup, a ProveFunc for public tasks on it (blinding 0;
// the chain checks them through verifier.PublicHidingInput and PublicSealedOutput) and a
// PrivateProveFunc for private tasks.
func DigitsPrivate(t testing.TB) (artifactBytes, verifyingKey []byte, prove ProveFunc, provePrivate PrivateProveFunc) {
	t.Helper()
	m, err := digitsPrivate()
	if err != nil {
		t.Fatalf("zktest: digits-private setup: %v", err)
	}
	provePrivate = func(chainID string, taskID uint64, worker []byte, input []int64, r fr.Element) ([]byte, []byte) {
		res, err := m.prover.ProveBlinded(chainID, taskID, worker, input, r)
		if err != nil {
			t.Fatalf("zktest: prove: %v", err)
		}
		return res.Statement.Output, res.Proof
	}
	return models.DigitsPrivateArtifact, m.verifyingKey, proveWith(t, m.prover), provePrivate
}

func proveWith(t testing.TB, p *prover.Prover) ProveFunc {
	t.Helper()
	return func(chainID string, taskID uint64, worker []byte, input []int64) ([]byte, []byte) {
		out, proof, err := p.Prove(chainID, taskID, worker, input)
		if err != nil {
			t.Fatalf("zktest: prove: %v", err)
		}
		return vector.Encode(out), proof
	}
}

// IrisInputs returns the committed held-out iris inputs (valid for the model's schema).
func IrisInputs(t testing.TB) [][]int64 {
	t.Helper()
	return sampleInputs(t, models.IrisSamples)
}

// DigitsInputs returns the committed held-out digits images (valid for the model's schema).
func DigitsInputs(t testing.TB) [][]int64 {
	t.Helper()
	return sampleInputs(t, models.DigitsSamples)
}

func sampleInputs(t testing.TB, samples []byte) [][]int64 {
	t.Helper()
	s, err := models.ParseSamples(samples)
	if err != nil {
		t.Fatalf("zktest: samples: %v", err)
	}
	out := make([][]int64, len(s.Samples))
	for i, smp := range s.Samples {
		out[i] = smp.Input
	}
	return out
}
