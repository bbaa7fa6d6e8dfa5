package ceremony

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/stretchr/testify/require"
)

// committedCircuit uses a BSB22 commitment (as std/rangecheck would): its Groth16 keys carry
// commitment keys and its proofs a commitment, which the chain's format does not have.
type committedCircuit struct {
	X frontend.Variable `gnark:",public"`
	Y frontend.Variable
}

func (c *committedCircuit) Define(api frontend.API) error {
	cm, err := api.(frontend.Committer).Commit(c.Y)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(cm, 0)
	api.AssertIsEqual(api.Mul(c.Y, c.Y), c.X)
	return nil
}

func TestCircuitsWithCommitmentsAreRefused(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &committedCircuit{})
	require.NoError(t, err)
	phase1, err := InsecureTestPhase1(1 << 6)
	require.NoError(t, err)
	_, err = prepareCircuit(ccs, phase1)
	require.ErrorIs(t, err, ErrCommitments)
}
