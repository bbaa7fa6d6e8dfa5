package circuit_test

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/test"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

// privateTiny is the tiny v1 test model with the "private" flag.
func privateTiny() *artifact.Artifact {
	a := testmodel.Artifact()
	a.Private = true
	return a
}

func randomBlinding(t *testing.T) fr.Element {
	t.Helper()
	var r fr.Element
	_, err := r.SetRandom()
	require.NoError(t, err)
	return r
}

func assignBlinded(t *testing.T, a *artifact.Artifact, in []int64, r fr.Element) *circuit.Assignment {
	t.Helper()
	as, err := circuit.AssignBlinded(a, "hyra-test-1", 7, worker, in, r)
	require.NoError(t, err)
	return as
}

// TestPrivateCircuitTiny checks the private tiny model with gnark's test engine and the compiled
// R1CS solver (CheckCircuit; with -tags prover_checks it also runs Groth16, and
// zk/prover's TestPrivateProveVerifyRoundTrip always does): the honest witness passes with a
// random blinding and with r = 0 (a public task); a wrong blinding, a ciphertext of another
// output, a ciphertext sealed under another blinding, a wrong input and a plain output
// commitment each fail.
func TestPrivateCircuitTiny(t *testing.T) {
	a := privateTiny()
	in := []int64{-4, 7, 3}
	r := randomBlinding(t)
	valid := assignBlinded(t, a, in, r)
	public := assignBlinded(t, a, in, fr.Element{})
	require.Equal(t, valid.Output, public.Output)

	wrongR := assignBlinded(t, a, in, r).Circuit
	var r2 fr.Element
	r2.Add(&r, new(fr.Element).SetOne())
	wrongR.Blinding[0] = r2.BigInt(new(big.Int))

	// The commitment to a ciphertext of another output under the right blinding.
	wrongCt := assignBlinded(t, a, in, r).Circuit
	other := append([]int64(nil), valid.Output...)
	other[1]++
	ct, err := commit.SealOutput(other, r)
	require.NoError(t, err)
	setOutputCommitment(wrongCt, commit.SealedOutputCommitment(ct))

	// The right output sealed under another blinding, the witness keeping r.
	otherKey := assignBlinded(t, a, in, r).Circuit
	ct, err = commit.SealOutput(valid.Output, r2)
	require.NoError(t, err)
	setOutputCommitment(otherKey, commit.SealedOutputCommitment(ct))

	wrongInput := assignBlinded(t, a, in, r).Circuit
	wrongInput.Input[0] = -3

	// A plain (public-model) output commitment never satisfies a private circuit.
	plainOut := assignBlinded(t, a, in, fr.Element{}).Circuit
	oc, err := commit.Output(valid.Output)
	require.NoError(t, err)
	setOutputCommitment(plainOut, oc)

	test.NewAssert(t).CheckCircuit(circuit.New(a),
		test.WithValidAssignment(valid.Circuit),
		test.WithValidAssignment(public.Circuit),
		test.WithInvalidAssignment(wrongR),
		test.WithInvalidAssignment(wrongCt),
		test.WithInvalidAssignment(otherKey),
		test.WithInvalidAssignment(wrongInput),
		test.WithInvalidAssignment(plainOut),
		test.WithCurves(ecc.BN254),
		test.WithBackends(backend.GROTH16),
	)

	// The worker's sealed output opens, with r, into the model's output.
	got, err := commit.OpenOutput(valid.Sealed, r, commit.MinValue, commit.MaxValue)
	require.NoError(t, err)
	require.Equal(t, valid.Output, got)
}

// TestPrivateCircuitV2 solves the private copy of the v2 test network (dense input packing).
func TestPrivateCircuitV2(t *testing.T) {
	a, err := artifact.Parse([]byte(testmodel.JSONV2))
	require.NoError(t, err)
	a.Private = true
	in := []int64{-3, 5, 0, 1, 2, -1, 4, 4, -2, 3, 0, 0, 5, -3, 1, 2}
	valid := assignBlinded(t, a, in, randomBlinding(t))
	bad := assignBlinded(t, a, in, randomBlinding(t)).Circuit
	bad.Blinding[0] = 0
	require.NoError(t, test.IsSolved(circuit.New(a), valid.Circuit, ecc.BN254.ScalarField()))
	require.Error(t, test.IsSolved(circuit.New(a), bad, ecc.BN254.ScalarField()))
}

// TestBlindingRefusedForPublicModels: a model without the flag takes no blinding.
func TestBlindingRefusedForPublicModels(t *testing.T) {
	_, err := circuit.AssignBlinded(testmodel.Artifact(), "hyra-test-1", 7, worker, []int64{1, 2, 3}, randomBlinding(t))
	require.ErrorIs(t, err, artifact.ErrInvalid)
	as, err := circuit.AssignBlinded(testmodel.Artifact(), "hyra-test-1", 7, worker, []int64{1, 2, 3}, fr.Element{})
	require.NoError(t, err)
	require.Nil(t, as.Sealed)
	require.Empty(t, as.Circuit.Blinding)
}

func setOutputCommitment(c *circuit.Circuit, v fr.Element) {
	c.OutputCommitment = v.BigInt(new(big.Int))
}
