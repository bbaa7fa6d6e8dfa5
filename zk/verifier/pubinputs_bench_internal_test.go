package verifier

import (
	"testing"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// BenchmarkPublicInputs is the statement part of a verification for a digits-sized statement
// (64 inputs, 10 outputs): the binding and the output commitment (Poseidon2); the input
// commitment is read from the statement, as the chain stored it with the task.
func BenchmarkPublicInputs(b *testing.B) {
	in, out := make([]int64, 64), make([]int64, 10)
	for i := range in {
		in[i] = int64(i % 17)
	}
	inCommit, err := InputCommitment(vector.Encode(in), commit.InputScheme{})
	if err != nil {
		b.Fatal(err)
	}
	st := Statement{ChainID: "hyra-bench-1", TaskID: 7, Worker: make([]byte, 20), InputCommitment: inCommit, Output: vector.Encode(out)}
	for b.Loop() {
		if _, err := publicInputs(st); err != nil {
			b.Fatal(err)
		}
	}
}
