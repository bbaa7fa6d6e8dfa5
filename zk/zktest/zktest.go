// Package zktest gives other modules' tests a real model, its registered verifying key and a
// prover, built from the committed iris keys so no setup runs. Proving an iris task takes a few
// milliseconds.
package zktest

import (
	"sync"
	"testing"

	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
)

// ProveFunc proves the model's output on input for (chainID, taskID, worker) and returns the
// canonical output encoding and the proof, both exactly as a worker submits them. It fails the
// test on error (for example an input outside the model's schema).
type ProveFunc func(chainID string, taskID uint64, worker []byte, input []int64) (outputBytes, proofBytes []byte)

var iris = sync.OnceValues(func() (*prover.Prover, error) {
	return prover.New(models.IrisArtifact, models.IrisProvingKey, models.IrisVerifyingKey)
})

// Iris returns the iris artifact bytes (4 inputs in [0, 127], 3 outputs), its verifying key and a
// prover for it. The prover is built once per test binary.
func Iris(t testing.TB) (artifactBytes, verifyingKey []byte, prove ProveFunc) {
	t.Helper()
	p, err := iris()
	if err != nil {
		t.Fatalf("zktest: iris prover: %v", err)
	}
	prove = func(chainID string, taskID uint64, worker []byte, input []int64) ([]byte, []byte) {
		t.Helper()
		out, proof, err := p.Prove(chainID, taskID, worker, input)
		if err != nil {
			t.Fatalf("zktest: prove: %v", err)
		}
		return vector.Encode(out), proof
	}
	return models.IrisArtifact, models.IrisVerifyingKey, prove
}

// IrisInputs returns the committed held-out iris inputs (valid for the model's schema).
func IrisInputs(t testing.TB) [][]int64 {
	t.Helper()
	s, err := models.ParseSamples(models.IrisSamples)
	if err != nil {
		t.Fatalf("zktest: iris samples: %v", err)
	}
	out := make([][]int64, len(s.Samples))
	for i, smp := range s.Samples {
		out[i] = smp.Input
	}
	return out
}
