package circuit

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
)

// Assign runs native inference and returns the full assignment for one task together with the
// output vector it commits to. Public values come from the artifact's input scheme and
// commit.PublicInputs, as the chain computes them.
func Assign(a *artifact.Artifact, chainID string, taskID uint64, worker []byte, input []int64) (*Circuit, []int64, error) {
	output, err := a.Infer(input)
	if err != nil {
		return nil, nil, err
	}
	in, err := a.InputScheme().Commit(input)
	if err != nil {
		return nil, nil, err
	}
	pub, err := commit.PublicInputs(chainID, taskID, worker, in, output)
	if err != nil {
		return nil, nil, err
	}
	c := New(a)
	c.Binding = pub[0].BigInt(new(big.Int))
	c.InputCommitment = pub[1].BigInt(new(big.Int))
	c.OutputCommitment = pub[2].BigInt(new(big.Int))
	for i, x := range input {
		c.Input[i] = x
	}
	return c, output, nil
}

// Witness converts an assignment into a gnark BN254 witness.
func Witness(c *Circuit, publicOnly bool) (witness.Witness, error) {
	if publicOnly {
		return frontend.NewWitness(c, ecc.BN254.ScalarField(), frontend.PublicOnly())
	}
	return frontend.NewWitness(c, ecc.BN254.ScalarField())
}
