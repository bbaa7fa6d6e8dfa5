package circuit

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
)

type activationCircuit struct {
	Acc, Want frontend.Variable
	iv        artifact.Interval `gnark:"-"`
	k         uint              `gnark:"-"`
	relu      bool              `gnark:"-"`
}

func (c *activationCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(activate(api, c.Acc, c.iv, c.k, c.relu), c.Want)
	return nil
}

// native is the reference: an arithmetic shift (floor division) then ReLU, as artifact.Infer.
func native(x int64, k uint, relu bool) int64 {
	y := x >> k
	if relu && y < 0 {
		return 0
	}
	return y
}

// TestActivationMatchesNative checks every value of several intervals, covering all branches of
// activate, against the native floor/ReLU; the wrong answer (native+1) must not satisfy it.
func TestActivationMatchesNative(t *testing.T) {
	var intervals []artifact.Interval
	for _, b := range [][2]int64{{-9, 9}, {-16, 15}, {-17, 3}, {0, 40}, {3, 33}, {-30, -1}, {-1, 0}, {0, 3}} {
		intervals = append(intervals, artifact.Interval{Lo: b[0], Hi: b[1]})
	}
	for _, iv := range intervals {
		for _, k := range []uint{0, 1, 2, 3, 5} {
			for _, relu := range []bool{false, true} {
				shape := &activationCircuit{iv: iv, k: k, relu: relu}
				for x := iv.Lo; x <= iv.Hi; x++ {
					want := native(x, k, relu)
					ok := &activationCircuit{Acc: x, Want: want, iv: iv, k: k, relu: relu}
					require.NoError(t, test.IsSolved(shape, ok, ecc.BN254.ScalarField()), "iv=%v k=%d relu=%v x=%d", iv, k, relu, x)
					bad := &activationCircuit{Acc: x, Want: want + 1, iv: iv, k: k, relu: relu}
					require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()), "iv=%v k=%d relu=%v x=%d", iv, k, relu, x)
				}
			}
		}
	}
}

// TestActivationRejectsOutOfRange shows the decomposition range-checks the accumulator: a value
// outside the declared interval's power-of-two envelope has no satisfying witness.
func TestActivationRejectsOutOfRange(t *testing.T) {
	iv := artifact.Interval{Lo: -16, Hi: 15}
	shape := &activationCircuit{iv: iv, k: 2, relu: true}
	for _, x := range []int64{16, -17, 1 << 40} {
		bad := &activationCircuit{Acc: x, Want: native(x, 2, true), iv: iv, k: 2, relu: true}
		require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()), "x=%d", x)
	}
}
