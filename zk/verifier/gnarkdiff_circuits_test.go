package verifier_test

import (
	"io"
	"sync"
	"testing"

	"github.com/consensys/gnark/logger"

	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// diffCircuit is a model the differential fuzzer proves for: its verifying key, a prover, its
// input schema, and a valid sample made when the circuits are built.
type diffCircuit struct {
	name     string
	vk       []byte
	prover   *prover.Prover
	inputLen int
	min, max int64
	sample   diffCase
}

// diffCase is what one fuzz input turns into: a key, a proof and a statement.
type diffCase struct {
	vk, proof []byte
	st        verifier.Statement
}

// diffCircuits are the circuits of the differential fuzzer: iris (the committed keys, 623
// constraints) and the tiny test model (keys from a setup run here, 449 constraints).
// Both have commit.NbPublic public inputs, as every circuit the chain accepts.
var diffCircuits = sync.OnceValues(func() ([]*diffCircuit, error) {
	logger.Disable() // gnark's verifier logs every verification
	iris, err := prover.New(models.IrisArtifact, models.IrisProvingKey, models.IrisVerifyingKey)
	if err != nil {
		return nil, err
	}
	keys, err := setup.Generate(testmodel.Artifact(), io.Discard)
	if err != nil {
		return nil, err
	}
	tiny, err := prover.New([]byte(testmodel.JSON), keys.ProvingKey, keys.VerifyingKey)
	if err != nil {
		return nil, err
	}
	cs := []*diffCircuit{
		{name: "iris", vk: models.IrisVerifyingKey, prover: iris},
		{name: "tiny", vk: keys.VerifyingKey, prover: tiny},
	}
	for _, c := range cs {
		m := c.prover.Model()
		c.inputLen, c.min, c.max = m.Input.Length, m.Input.Min, m.Input.Max
		st := verifier.Statement{ChainID: "hyra-diff-1", TaskID: 1, Worker: make([]byte, 20)}
		if c.sample, err = c.prove(st, make([]int64, c.inputLen)); err != nil {
			return nil, err
		}
	}
	return cs, nil
})

func loadDiffCircuits(t testing.TB) []*diffCircuit {
	t.Helper()
	cs, err := diffCircuits()
	if err != nil {
		t.Fatalf("differential fuzzer circuits: %v", err)
	}
	return cs
}

// prove proves st (chain id, task id, worker) on input, clamped into the model's range.
func (c *diffCircuit) prove(st verifier.Statement, input []int64) (diffCase, error) {
	for i := range input {
		input[i] = c.min + (input[i]-c.min)%(c.max-c.min+1)
		if input[i] < c.min {
			input[i] += c.max - c.min + 1
		}
	}
	out, proof, err := c.prover.Prove(st.ChainID, st.TaskID, st.Worker, input)
	if err != nil {
		return diffCase{}, err
	}
	in, err := verifier.InputCommitment(vector.Encode(input), c.prover.Model().InputScheme())
	if err != nil {
		return diffCase{}, err
	}
	st.InputCommitment, st.Output = in, vector.Encode(out)
	return diffCase{vk: c.vk, proof: proof, st: st}, nil
}

// statementFrom reads a statement and an input vector from seed: a chain id of 1 to 16 bytes, a
// task id, a 20-byte worker, then the input values (missing bytes read as zero).
func (c *diffCircuit) statementFrom(seed *byteReader) (verifier.Statement, []int64) {
	chainID := make([]byte, 1+seed.next()%16)
	for i := range chainID {
		chainID[i] = 'a' + seed.next()%26
	}
	st := verifier.Statement{ChainID: string(chainID), TaskID: seed.uint64(), Worker: seed.bytes(20)}
	input := make([]int64, c.inputLen)
	for i := range input {
		input[i] = int64(seed.next())
	}
	return st, input
}

// byteReader hands out a fuzz input's bytes, and zeros once they run out.
type byteReader struct{ b []byte }

func (r *byteReader) next() byte {
	if len(r.b) == 0 {
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *byteReader) empty() bool { return len(r.b) == 0 }

func (r *byteReader) bytes(n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = r.next()
	}
	return out
}

func (r *byteReader) uint64() uint64 {
	var v uint64
	for range 8 {
		v = v<<8 | uint64(r.next())
	}
	return v
}
