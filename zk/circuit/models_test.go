package circuit_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/models"
)

// TestBundledModelsMatchNative solves each bundled model's compiled constraint system on its
// committed held-out samples, with the output commitment taken from native inference: a solved
// system means the circuit computes exactly the native output. Changing one output value must
// make the system unsatisfiable. The v1 constraint counts are pinned (the committed iris keys,
// checked by zk/zktest and the verifier fixture, pin the system itself).
func TestBundledModelsMatchNative(t *testing.T) {
	for _, m := range []struct {
		name         string
		art, samples []byte
		shortSamples int
		constraints  int // pinned: registered v1 verifying keys depend on the constraint system
	}{
		{"iris", models.IrisArtifact, models.IrisSamples, 30, 623},
		{"digits", models.DigitsArtifact, models.DigitsSamples, 5, 3507},
	} {
		t.Run(m.name, func(t *testing.T) {
			a, err := artifact.Parse(m.art)
			require.NoError(t, err)
			s, err := models.ParseSamples(m.samples)
			require.NoError(t, err)
			require.Equal(t, m.name, s.Model)
			ccs, err := circuit.Compile(a)
			require.NoError(t, err)
			require.Equal(t, m.constraints, ccs.GetNbConstraints(), "the v1 circuit changed")
			samples := s.Samples
			if testing.Short() {
				samples = samples[:m.shortSamples]
			}
			for i, smp := range samples {
				c, out, err := circuit.Assign(a, "hyra-test-1", uint64(i), worker, smp.Input)
				require.NoError(t, err)
				require.Equal(t, smp.Output, out, "sample %d: committed expected output", i)
				w, err := circuit.Witness(c, false)
				require.NoError(t, err)
				require.NoError(t, ccs.IsSolved(w), "sample %d", i)

				if i < 3 {
					wrong := append([]int64(nil), out...)
					wrong[i%len(wrong)]++
					oc, err := commit.Output(wrong)
					require.NoError(t, err)
					c.OutputCommitment = oc.BigInt(new(big.Int))
					w, err := circuit.Witness(c, false)
					require.NoError(t, err)
					require.Error(t, ccs.IsSolved(w), "sample %d with a wrong output", i)
				}
			}
		})
	}
}
