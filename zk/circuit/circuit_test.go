package circuit_test

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

var worker = []byte("0123456789abcdef0123")

func TestCircuitTiny(t *testing.T) {
	a := testmodel.Artifact()
	valid, _, err := circuit.Assign(a, "hyra-test-1", 7, worker, []int64{-4, 7, 3})
	require.NoError(t, err)

	wrongOutput, _, err := circuit.Assign(a, "hyra-test-1", 7, worker, []int64{-4, 7, 3})
	require.NoError(t, err)
	other, err := commit.Output([]int64{1, 2})
	require.NoError(t, err)
	wrongOutput.OutputCommitment = other.BigInt(new(big.Int))

	wrongInput, _, err := circuit.Assign(a, "hyra-test-1", 7, worker, []int64{-4, 7, 3})
	require.NoError(t, err)
	wrongInput.Input[0] = -3 // no longer matches InputCommitment

	test.NewAssert(t).CheckCircuit(circuit.New(a),
		test.WithValidAssignment(valid),
		test.WithInvalidAssignment(wrongOutput),
		test.WithInvalidAssignment(wrongInput),
		test.WithInvalidAssignment(outOfRange(t)),
		test.WithCurves(ecc.BN254),
		test.WithBackends(backend.GROTH16),
	)
}

// outOfRange is a consistent assignment (commitments match the network's output) for an input
// just above the schema's max: only the range check can reject it.
func outOfRange(t *testing.T) *circuit.Circuit {
	t.Helper()
	a := testmodel.Artifact()
	wide := testmodel.Artifact()
	wide.Input.Max = 8
	c, _, err := circuit.Assign(wide, "hyra-test-1", 7, worker, []int64{8, 0, 0})
	require.NoError(t, err)
	out := circuit.New(a)
	out.Binding, out.InputCommitment, out.OutputCommitment = c.Binding, c.InputCommitment, c.OutputCommitment
	copy(out.Input, c.Input)
	return out
}

// TestCircuitMatchesNativeExhaustive solves the compiled constraint system for every input the
// tiny model's schema allows. The output commitment is computed from native inference, so a
// solved system means circuit output == native output, bit for bit.
func TestCircuitMatchesNativeExhaustive(t *testing.T) {
	a := testmodel.Artifact()
	ccs, err := circuit.Compile(a)
	require.NoError(t, err)
	inputs := testmodel.Inputs()
	if testing.Short() {
		inputs = inputs[:200]
	}
	for _, in := range inputs {
		c, _, err := circuit.Assign(a, "hyra-test-1", 1, worker, in)
		require.NoError(t, err)
		w, err := circuit.Witness(c, false)
		require.NoError(t, err)
		require.NoError(t, ccs.IsSolved(w), "input %v", in)
	}
}
