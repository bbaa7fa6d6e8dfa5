package commit_test

import (
	"testing"

	"github.com/hyra-network/hyra/zk/commit"
)

// BenchmarkInputCommitment784 is the native input commitment of an MNIST image (784 pixels in
// 0..255) in the v1 packing (112 Poseidon2 calls) and the dense 8-bit one (27): the work the
// chain used to repeat on every verification of such a task and now does once, at submission.
func BenchmarkInputCommitment784(b *testing.B) {
	v := make([]int64, 784)
	for i := range v {
		v[i] = int64(i*37) % 256
	}
	for _, c := range []struct {
		name string
		s    commit.InputScheme
	}{{"v1-32bit", commit.InputScheme{}}, {"dense-8bit", commit.DenseScheme(0, 255)}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.s.Commit(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
