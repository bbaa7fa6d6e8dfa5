package circuit

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
)

// Assign runs native inference and returns the full assignment for one task together with the
// output vector it commits to. Public values come from the artifact's input scheme and
// commit.PublicInputs, as the chain computes them. For a private-capable artifact it is
// AssignBlinded with a zero blinding (a public task).
func Assign(a *artifact.Artifact, chainID string, taskID uint64, worker []byte, input []int64) (*Circuit, []int64, error) {
	as, err := AssignBlinded(a, chainID, taskID, worker, input, fr.Element{})
	if err != nil {
		return nil, nil, err
	}
	return as.Circuit, as.Output, nil
}

// Assignment is a full witness with the output it proves: the plaintext Output and, for a
// private-capable artifact, Sealed = commit.SealOutput(Output, r), what the worker submits.
type Assignment struct {
	Circuit *Circuit
	Output  []int64
	Sealed  []fr.Element
}

// AssignBlinded is Assign under blinding r. A private-capable artifact's public values are
// commit.PrivatePublicInputs(HidingInput(in, r), SealOutput(output, r)), as the chain computes
// them (r = 0 for a public task); any other artifact takes only r = 0 and gets Assign's.
func AssignBlinded(a *artifact.Artifact, chainID string, taskID uint64, worker []byte, input []int64, r fr.Element) (*Assignment, error) {
	if !a.Private && !r.IsZero() {
		return nil, fmt.Errorf("%w: model %q is not private-capable: its tasks take no blinding", artifact.ErrInvalid, a.Name)
	}
	output, err := a.Infer(input)
	if err != nil {
		return nil, err
	}
	in, err := a.InputScheme().Commit(input)
	if err != nil {
		return nil, err
	}
	var pub [commit.NbPublic]fr.Element
	var sealed []fr.Element
	if a.Private {
		if sealed, err = commit.SealOutput(output, r); err != nil {
			return nil, err
		}
		pub, err = commit.PrivatePublicInputs(chainID, taskID, worker, commit.HidingInput(in, r), sealed)
	} else {
		pub, err = commit.PublicInputs(chainID, taskID, worker, in, output)
	}
	if err != nil {
		return nil, err
	}
	c := New(a)
	c.Binding = pub[0].BigInt(new(big.Int))
	c.InputCommitment = pub[1].BigInt(new(big.Int))
	c.OutputCommitment = pub[2].BigInt(new(big.Int))
	for i, x := range input {
		c.Input[i] = x
	}
	if a.Private {
		c.Blinding[0] = r.BigInt(new(big.Int))
	}
	return &Assignment{Circuit: c, Output: output, Sealed: sealed}, nil
}

// Witness converts an assignment into a gnark BN254 witness.
func Witness(c *Circuit, publicOnly bool) (witness.Witness, error) {
	if publicOnly {
		return frontend.NewWitness(c, ecc.BN254.ScalarField(), frontend.PublicOnly())
	}
	return frontend.NewWitness(c, ecc.BN254.ScalarField())
}
