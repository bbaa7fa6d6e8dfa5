// Package zktest gives other modules' tests real models, their verifying keys and provers: the
// iris model from its committed keys (no setup runs), and the digits model from a setup run once
// per test binary (about 0.5 s). Proving takes a few milliseconds (iris) to about 50 ms (digits).
package zktest

import (
	"io"
	"sync"
	"testing"

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
var digits = sync.OnceValues(func() (*digitsModel, error) {
	a, err := artifact.Parse(models.DigitsArtifact)
	if err != nil {
		return nil, err
	}
	keys, err := setup.Generate(a, io.Discard)
	if err != nil {
		return nil, err
	}
	p, err := prover.New(models.DigitsArtifact, keys.ProvingKey, keys.VerifyingKey)
	if err != nil {
		return nil, err
	}
	return &digitsModel{prover: p, verifyingKey: keys.VerifyingKey}, nil
})

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
