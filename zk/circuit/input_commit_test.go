package circuit_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
)

type inputCommitCircuit struct {
	V   []frontend.Variable
	Out frontend.Variable

	scheme commit.InputScheme `gnark:"-"`
}

func (c *inputCommitCircuit) Define(api frontend.API) error {
	got, err := circuit.CommitInput(api, c.scheme, c.V)
	if err != nil {
		return err
	}
	api.AssertIsEqual(got, c.Out)
	return nil
}

// TestDenseInputCommitNativeEqualsCircuit checks commit.InputScheme.Commit against the gadget for
// dense schemes (8-bit pixels, a negative offset, 1-bit and 32-bit lanes) at lengths around the
// lanes-per-element boundary, with extreme lane values; a commitment under another lane width
// or to other values is refused.
func TestDenseInputCommitNativeEqualsCircuit(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	schemes := []commit.InputScheme{
		commit.DenseScheme(0, 255), commit.DenseScheme(-100, 28), commit.DenseScheme(0, 1),
		commit.DenseScheme(commit.MinValue, commit.MaxValue), commit.DenseScheme(5, 5),
	}
	require.Equal(t, []uint32{8, 8, 1, 32, 1}, []uint32{schemes[0].LaneBits, schemes[1].LaneBits, schemes[2].LaneBits, schemes[3].LaneBits, schemes[4].LaneBits})
	for _, s := range schemes {
		per := s.LanesPerElement()
		for _, n := range []int{1, per - 1, per, per + 1, 2*per + 3} {
			if n < 1 || n > commit.MaxLen {
				continue
			}
			v := make([]int64, n)
			top := int64(1)<<s.LaneBits - 1
			for i := range v {
				switch rng.Intn(3) {
				case 0:
					v[i] = s.Min
				case 1:
					v[i] = s.Min + top
				default:
					v[i] = s.Min + rng.Int63n(top+1)
				}
			}
			want, err := s.Commit(v)
			require.NoError(t, err)
			shape := &inputCommitCircuit{V: make([]frontend.Variable, n), scheme: s}
			ok := &inputCommitCircuit{V: vars(v), Out: want.BigInt(new(big.Int)), scheme: s}
			require.NoError(t, test.IsSolved(shape, ok, ecc.BN254.ScalarField()), "w=%d n=%d", s.LaneBits, n)

			wider := commit.InputScheme{LaneBits: s.LaneBits + 1, Min: s.Min}
			if s.LaneBits < commit.MaxDenseLaneBits {
				other, err := wider.Commit(v)
				require.NoError(t, err)
				require.NotEqual(t, want, other, "the tag fixes the lane width")
				bad := &inputCommitCircuit{V: vars(v), Out: other.BigInt(new(big.Int)), scheme: s}
				require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()))
			}
			moved := append([]int64(nil), v...)
			moved[n-1] = s.Min + (moved[n-1]-s.Min+1)%(top+1)
			bad := &inputCommitCircuit{V: vars(moved), Out: want.BigInt(new(big.Int)), scheme: s}
			require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()))
		}
	}
}

// TestDenseInputCommitConstraints: 784 pixels in 0..255 cost 27 Poseidon2 calls (header and 26
// elements of 31 lanes) instead of the v1 packing's 113.
func TestDenseInputCommitConstraints(t *testing.T) {
	count := func(s commit.InputScheme) int {
		cs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &inputCommitCircuit{V: make([]frontend.Variable, 784), scheme: s})
		require.NoError(t, err)
		return cs.GetNbConstraints()
	}
	v1, dense := count(commit.InputScheme{}), count(commit.DenseScheme(0, 255))
	t.Logf("784 inputs: v1 packing %d constraints, dense 8-bit %d", v1, dense)
	require.Less(t, dense, v1/4)
}
