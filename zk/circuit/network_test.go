package circuit_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
	tm "github.com/hyra-network/hyra/zk/internal/testmodel"
)

// v2Networks combine the ops in the orders the circuit treats differently: requant with and
// without relu before a maxpool (deferred past it), relu before requant, a maxpool with nothing
// deferred, padding (asymmetric) and stride 2, sumpool, 3x3 windows, negative inputs and
// accumulators, and a v1-like MLP.
func v2Networks(t *testing.T) map[string]*artifact.Artifact {
	t.Helper()
	rng := rand.New(rand.NewSource(7))
	conv := func(out, in, k, s int, pads [4]int) artifact.Op { return tm.Conv(rng, out, in, k, s, pads, 7, 50) }
	dense := func(out, in int) artifact.Op { return tm.Dense(rng, out, in, 7, 50) }
	relu, flat := tm.Op(artifact.OpReLU), tm.Op(artifact.OpFlatten)
	maxp := func(k, s int) artifact.Op { return tm.Pool(artifact.OpMaxPool, k, s) }
	small, err := artifact.Parse([]byte(tm.JSONV2))
	require.NoError(t, err)
	nets := map[string]*artifact.Artifact{"small-cnn": small}
	add := func(name string, shape artifact.Shape, lo, hi int64, ops ...artifact.Op) {
		nets[name], _ = tm.V2(name, shape, lo, hi, ops...)
	}
	add("pad-stride2-relu-sumpool", artifact.Shape{2, 7, 7}, -8, 7,
		conv(3, 2, 3, 2, [4]int{1, 0, 2, 1}), relu, tm.Pool(artifact.OpSumPool, 2, 1), flat, dense(4, 18))
	add("requant-maxpool-no-relu", artifact.Shape{1, 6, 6}, -3, 5,
		conv(4, 1, 3, 1, [4]int{1, 1, 1, 1}), tm.Requant(5, 3), maxp(2, 2), flat, dense(3, 36))
	add("lenet-mini", artifact.Shape{1, 8, 8}, 0, 255,
		conv(2, 1, 3, 1, [4]int{}), tm.Requant(3, 6), relu, maxp(2, 2),
		conv(3, 2, 2, 1, [4]int{}), tm.Requant(5, 4), relu, maxp(2, 1), flat, dense(2, 3))
	add("relu-requant-maxpool3", artifact.Shape{1, 5, 5}, -4, 4,
		conv(2, 1, 2, 1, [4]int{0, 0, 1, 1}), relu, tm.Requant(7, 3), maxp(3, 2), flat)
	add("maxpool-first", artifact.Shape{2, 4, 4}, -5, 5, maxp(2, 2), conv(1, 2, 2, 1, [4]int{}), relu)
	add("mlp", artifact.Shape{10}, -20, 20, dense(6, 10), tm.Requant(9, 2), relu, dense(3, 6), tm.Requant(3, 1))
	return nets
}

// TestV2CircuitMatchesNative solves each network's compiled constraint system on random and
// extreme inputs with the output commitment taken from artifact.Infer: a solved system means the
// circuit's output equals the native one bit for bit. A changed output must not solve.
func TestV2CircuitMatchesNative(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for name, a := range v2Networks(t) {
		t.Run(name, func(t *testing.T) {
			ccs, err := circuit.Compile(a)
			require.NoError(t, err)
			t.Logf("%s: %d constraints", name, ccs.GetNbConstraints())
			n := 40
			if testing.Short() {
				n = 8
			}
			for i := 0; i < n; i++ {
				in := tm.RandomInput(rng, a.Input.Length, a.Input.Min, a.Input.Max)
				if i < 2 {
					for j := range in {
						in[j] = []int64{a.Input.Min, a.Input.Max}[i]
					}
				}
				c, out, err := circuit.Assign(a, "hyra-test-1", uint64(i), worker, in)
				require.NoError(t, err)
				w, err := circuit.Witness(c, false)
				require.NoError(t, err)
				require.NoError(t, ccs.IsSolved(w), "input %v", in)
				if i < 3 {
					wrong := append([]int64(nil), out...)
					wrong[i%len(wrong)]--
					oc, err := commit.Output(wrong)
					require.NoError(t, err)
					c.OutputCommitment = oc.BigInt(new(big.Int))
					w, err := circuit.Witness(c, false)
					require.NoError(t, err)
					require.Error(t, ccs.IsSolved(w), "input %v with a wrong output", in)
				}
			}
		})
	}
}

// TestV2MaxPoolReordering: requant, relu, maxpool (what artifact.Infer computes) equals maxpool,
// requant, relu (the order the circuit uses) on the same weights, for random inputs.
func TestV2MaxPoolReordering(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	c := tm.Conv(rng, 3, 1, 3, 1, [4]int{1, 1, 1, 1}, 9, 80)
	q, relu, pool := tm.Requant(11, 5), tm.Op(artifact.OpReLU), tm.Pool(artifact.OpMaxPool, 2, 2)
	inOrder, _ := tm.V2("in-order", artifact.Shape{1, 6, 6}, -9, 9, c, q, relu, pool)
	reordered, _ := tm.V2("reordered", artifact.Shape{1, 6, 6}, -9, 9, c, pool, q, relu)
	for i := 0; i < 500; i++ {
		in := tm.RandomInput(rng, 36, -9, 9)
		want, err := inOrder.Infer(in)
		require.NoError(t, err)
		got, err := reordered.Infer(in)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
}

// TestV2Tampering proves and verifies with Groth16 a small CNN: the valid assignment passes; a
// wrong output, an input that does not match its commitment and an input outside the schema
// (with consistent commitments) fail.
func TestV2Tampering(t *testing.T) {
	a, err := artifact.Parse([]byte(tm.JSONV2))
	require.NoError(t, err)
	in := []int64{-3, 5, 0, 1, 2, -1, 4, 4, -2, 3, 0, 0, 5, -3, 1, 2}
	valid, _, err := circuit.Assign(a, "hyra-test-1", 7, worker, in)
	require.NoError(t, err)

	wrongOutput, out, err := circuit.Assign(a, "hyra-test-1", 7, worker, in)
	require.NoError(t, err)
	other, err := commit.Output([]int64{out[0] + 1, out[1]})
	require.NoError(t, err)
	wrongOutput.OutputCommitment = other.BigInt(new(big.Int))

	wrongInput, _, err := circuit.Assign(a, "hyra-test-1", 7, worker, in)
	require.NoError(t, err)
	wrongInput.Input[3] = 2

	wide, err := artifact.Parse([]byte(tm.JSONV2))
	require.NoError(t, err)
	wide.Input.Max = 6
	high := append([]int64{6}, in[1:]...)
	outside, _, err := circuit.Assign(wide, "hyra-test-1", 7, worker, high)
	require.NoError(t, err)
	outOfRange := circuit.New(a)
	outOfRange.Binding, outOfRange.InputCommitment, outOfRange.OutputCommitment = outside.Binding, outside.InputCommitment, outside.OutputCommitment
	copy(outOfRange.Input, outside.Input)

	test.NewAssert(t).CheckCircuit(circuit.New(a),
		test.WithValidAssignment(valid),
		test.WithInvalidAssignment(wrongOutput),
		test.WithInvalidAssignment(wrongInput),
		test.WithInvalidAssignment(outOfRange),
		test.WithCurves(ecc.BN254),
		test.WithBackends(backend.GROTH16),
	)
}
