// Package circuit builds the gnark circuit that proves "output is the registered model's output
// on input" for a hyra-qnn/v1 or v2 artifact. Weights and biases are circuit constants, so the
// verifying key identifies the model; the public inputs bind the proof to one task and worker.
package circuit

import (
	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
)

// Circuit is the inference statement. The public fields come first and in this order, which is
// the order of commit.PublicInputs (and commit.PrivatePublicInputs); Input is the private task
// input.
type Circuit struct {
	Binding          frontend.Variable `gnark:",public"`
	InputCommitment  frontend.Variable `gnark:",public"`
	OutputCommitment frontend.Variable `gnark:",public"`
	Input            []frontend.Variable
	// Blinding is the task's secret blinding r: one element for a private-capable artifact
	// (artifact.Private), none otherwise. A slice, not a plain field, so that a model without the
	// flag allocates no extra wire and keeps exactly its constraint system and keys.
	Blinding []frontend.Variable

	model *artifact.Artifact `gnark:"-"`
}

// New returns the circuit shape for a (Define needs the model; witness values are unset).
func New(a *artifact.Artifact) *Circuit {
	c := &Circuit{Input: make([]frontend.Variable, a.Input.Length), model: a}
	if a.Private {
		c.Blinding = make([]frontend.Variable, 1)
	}
	return c
}

// Compile builds the R1CS for a over BN254.
func Compile(a *artifact.Artifact) (constraint.ConstraintSystem, error) {
	return frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, New(a))
}

// Define constrains: Binding is used (squared: a Groth16 public input that appears in no
// constraint gets a zero key point and would verify for any value), every input lies in the
// schema range, InputCommitment commits to Input, and OutputCommitment commits to the network's
// output on Input. For a private-capable artifact the two commitments are the hiding input and
// the sealed output under Blinding instead (definePrivate).
func (c *Circuit) Define(api frontend.API) error {
	a := c.model
	api.Mul(c.Binding, c.Binding)

	for _, x := range c.Input {
		assertInRange(api, x, a.Input.Min, a.Input.Max)
	}
	in, err := CommitInput(api, a.InputScheme(), c.Input)
	if err != nil {
		return err
	}
	if !a.Private { // here, before the network: the constraint order is part of registered keys
		api.AssertIsEqual(in, c.InputCommitment)
	}
	var x []frontend.Variable
	if a.Format == artifact.FormatV2 {
		x = network(api, a, c.Input)
	} else {
		x = denseLayers(api, a, c.Input)
	}
	if a.Private {
		return c.definePrivate(api, in, x)
	}
	out, err := CommitVector(api, commit.TagOutput, x)
	if err != nil {
		return err
	}
	api.AssertIsEqual(out, c.OutputCommitment)
	return nil
}

// denseLayers is the hyra-qnn/v1 network: linear combinations with constant weights, then one
// activate per neuron. Its constraint system must not change: registered verifying keys of v1
// models depend on it.
func denseLayers(api frontend.API, a *artifact.Artifact, x []frontend.Variable) []frontend.Variable {
	for l := range a.Layers {
		ly := &a.Layers[l]
		y := make([]frontend.Variable, ly.Out)
		for j, row := range ly.Weights {
			terms := []frontend.Variable{ly.Biases[j]}
			for i, w := range row {
				if w != 0 {
					terms = append(terms, api.Mul(x[i], w))
				}
			}
			y[j] = activate(api, sum(api, terms), a.AccBounds(l, j), ly.ScaleBits, ly.ReLU)
		}
		x = y
	}
	return x
}

// assertInRange checks lo <= x <= hi with one or two bit decompositions of width
// bitlen(hi-lo): x-lo must fit, and so must hi-x unless the range is a full power of two.
func assertInRange(api frontend.API, x frontend.Variable, lo, hi int64) {
	if lo == hi {
		api.AssertIsEqual(x, lo)
		return
	}
	span := uint64(hi - lo) //nolint:gosec // G115: hi >= lo, so the span is non-negative
	n := ceilLog2(span + 1)
	api.ToBinary(api.Sub(x, lo), int(n))
	if span+1 != 1<<n {
		api.ToBinary(api.Sub(hi, x), int(n))
	}
}
