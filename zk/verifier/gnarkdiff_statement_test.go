package verifier_test

// Mutations of the statement a proof is checked against, and the forgery a degenerate key
// (delta = gamma) allows for any statement.

import (
	"bytes"
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// changeStatement changes one field of the statement: task id, chain id, worker, an input or
// output value (the input through its commitment), or makes it invalid (no chain id, an output that is not a vector).
func changeStatement(c *diffCase, r *byteReader) {
	st := &c.st
	switch r.next() % 7 {
	case 0:
		st.TaskID += 1 + uint64(r.next())
	case 1:
		st.ChainID += string('a' + rune(r.next()%26))
	case 2:
		st.Worker = bytes.Clone(st.Worker)
		if len(st.Worker) > 0 {
			st.Worker[int(r.next())%len(st.Worker)] ^= 1 + r.next()%255
		}
	case 3:
		st.InputCommitment = bumpCommitment(st.InputCommitment, r)
	case 4:
		st.Output = bumpVector(st.Output, r)
	case 5:
		st.ChainID = ""
	case 6:
		st.Output = append(bytes.Clone(st.Output), r.next())
	}
}

// bumpCommitment adds to an input commitment, keeping it a canonical field element.
func bumpCommitment(enc []byte, r *byteReader) []byte {
	var e, d fr.Element
	if e.SetBytesCanonical(enc) != nil {
		return enc
	}
	d.SetUint64(1 + uint64(r.next()))
	e.Add(&e, &d)
	b := e.Bytes()
	return b[:]
}

func bumpVector(enc []byte, r *byteReader) []byte {
	v, err := vector.Decode(enc)
	if err != nil || len(v) == 0 {
		return enc
	}
	v[int(r.next())%len(v)] += 1 + int64(r.next())
	return vector.Encode(v)
}

// forge turns c's key degenerate (delta = gamma) and its proof into the one such a key lets
// anyone make for any statement: A = alpha, B = beta, C = -(K0 + sum pub_i K_i). Nothing changes
// when the key or the statement does not decode.
func forge(c *diffCase) {
	if len(c.vk) < offK+(commit.NbPublic+1)*32 {
		return
	}
	var in fr.Element
	err1 := in.SetBytesCanonical(c.st.InputCommitment)
	out, err2 := vector.Decode(c.st.Output)
	if err1 != nil || err2 != nil {
		return
	}
	pub, err := commit.PublicInputs(c.st.ChainID, c.st.TaskID, c.st.Worker, in, out)
	if err != nil {
		return
	}
	var alpha, sum curve.G1Affine
	var beta, gamma curve.G2Affine
	if _, err := alpha.SetBytes(c.vk[offAlpha:]); err != nil {
		return
	}
	if _, err := beta.SetBytes(c.vk[offBeta:]); err != nil {
		return
	}
	if _, err := gamma.SetBytes(c.vk[offGamma:]); err != nil {
		return
	}
	if _, err := sum.SetBytes(c.vk[offK:]); err != nil {
		return
	}
	for i := range pub {
		var k curve.G1Affine
		if _, err := k.SetBytes(c.vk[offK+(i+1)*32:]); err != nil {
			return
		}
		k.ScalarMultiplication(&k, pub[i].BigInt(new(big.Int)))
		sum.Add(&sum, &k)
	}
	sum.Neg(&sum)
	c.vk = withG2(c.vk, offDelta, gamma)
	c.proof = proofOf(alpha, beta, sum)
}
