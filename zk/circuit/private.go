package circuit

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/commit"
)

// definePrivate constrains the two commitments of a private-capable artifact, the in-circuit
// counterparts of commit.HidingInput and commit.SealedOutputCommitment(commit.SealOutput):
//
//	InputCommitment  = H(Header(TagHidingInput, 0), in, r)
//	OutputCommitment = H(Header(TagSealedOutput, n), ct_0..ct_{n-1}),  ct_i = y_i + H(Header(TagKeystream, 0), r, i)
//
// where in is the input commitment under the artifact's scheme, y the network's output and r
// the Blinding. The keystream's common prefix H(Header, r) is hashed once: each element then
// costs one Poseidon2 call.
func (c *Circuit) definePrivate(api frontend.API, in frontend.Variable, y []frontend.Variable) error {
	if len(c.Blinding) != 1 {
		return fmt.Errorf("private circuit: %d blinding elements, want 1", len(c.Blinding))
	}
	r := c.Blinding[0]
	hiding, err := Hash(api, header(commit.TagHidingInput, 0), in, r)
	if err != nil {
		return err
	}
	api.AssertIsEqual(hiding, c.InputCommitment)

	prefix, err := Hash(api, header(commit.TagKeystream, 0), r)
	if err != nil {
		return err
	}
	sealed := make([]frontend.Variable, 0, len(y)+1)
	sealed = append(sealed, header(commit.TagSealedOutput, len(y)))
	for i := range y {
		ks, err := absorb(api, prefix, i)
		if err != nil {
			return err
		}
		sealed = append(sealed, api.Add(y[i], ks))
	}
	out, err := Hash(api, sealed...)
	if err != nil {
		return err
	}
	api.AssertIsEqual(out, c.OutputCommitment)
	return nil
}

// header is commit.Header as a circuit constant.
func header(tag string, n int) frontend.Variable {
	h := commit.Header(tag, n)
	return h.BigInt(new(big.Int))
}
