package circuit_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
)

type commitCircuit struct {
	V   []frontend.Variable
	Out frontend.Variable
}

func (c *commitCircuit) Define(api frontend.API) error {
	got, err := circuit.CommitVector(api, commit.TagOutput, c.V)
	if err != nil {
		return err
	}
	api.AssertIsEqual(got, c.Out)
	return nil
}

type hashCircuit struct {
	In  []frontend.Variable
	Out frontend.Variable
}

func (c *hashCircuit) Define(api frontend.API) error {
	got, err := circuit.Hash(api, c.In...)
	if err != nil {
		return err
	}
	api.AssertIsEqual(got, c.Out)
	return nil
}

// TestCommitNativeEqualsCircuit checks commit.Vector against the gadget for lengths around the
// packing boundary and for extreme lane values.
func TestCommitNativeEqualsCircuit(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{1, 2, 6, 7, 8, 14, 15, 64} {
		v := make([]int64, n)
		for i := range v {
			switch rng.Intn(4) {
			case 0:
				v[i] = commit.MinValue
			case 1:
				v[i] = commit.MaxValue
			default:
				v[i] = rng.Int63n(1<<32) + commit.MinValue
			}
		}
		want, err := commit.Output(v)
		require.NoError(t, err)
		shape := &commitCircuit{V: make([]frontend.Variable, n)}
		ok := &commitCircuit{V: vars(v), Out: want.BigInt(new(big.Int))}
		require.NoError(t, test.IsSolved(shape, ok, ecc.BN254.ScalarField()), "n=%d", n)

		in, err := commit.Input(v)
		require.NoError(t, err)
		require.NotEqual(t, in, want, "domain tags must separate input and output")
		bad := &commitCircuit{V: vars(v), Out: in.BigInt(new(big.Int))}
		require.Error(t, test.IsSolved(shape, bad, ecc.BN254.ScalarField()))
	}
}

func TestHashNativeEqualsCircuit(t *testing.T) {
	for n := 1; n <= 5; n++ {
		elems := make([]fr.Element, n)
		in := make([]frontend.Variable, n)
		for i := range elems {
			elems[i].MustSetRandom()
			in[i] = elems[i].BigInt(new(big.Int))
		}
		want := commit.Hash(elems...)
		shape := &hashCircuit{In: make([]frontend.Variable, n)}
		require.NoError(t, test.IsSolved(shape, &hashCircuit{In: in, Out: want.BigInt(new(big.Int))}, ecc.BN254.ScalarField()))
	}
}

func vars(v []int64) []frontend.Variable {
	out := make([]frontend.Variable, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}
