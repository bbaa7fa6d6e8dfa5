package verifier

import (
	"testing"

	"github.com/hyra-network/hyra/zk/vector"
)

// BenchmarkPublicInputs is the statement part of a verification for a digits-sized statement
// (64 inputs, 10 outputs): two Poseidon2 commitments and the binding.
func BenchmarkPublicInputs(b *testing.B) {
	in, out := make([]int64, 64), make([]int64, 10)
	for i := range in {
		in[i] = int64(i % 17)
	}
	st := Statement{ChainID: "hyra-bench-1", TaskID: 7, Worker: make([]byte, 20), Input: vector.Encode(in), Output: vector.Encode(out)}
	for b.Loop() {
		if _, err := publicInputs(st); err != nil {
			b.Fatal(err)
		}
	}
}
