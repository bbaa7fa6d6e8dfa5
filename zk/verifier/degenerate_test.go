package verifier_test

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"testing"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Offsets of the points in a verifying key (see verifier.VerifyingKeySize).
const (
	offAlpha = 0
	offBeta  = 64
	offGamma = 128
	offDelta = 224
	offK     = 292
)

// TestDegenerateKeysForgeProofs builds degenerate keys from the real iris key and, for each one
// that admits a forgery, a proof made from the key's public points alone for a statement with an
// output the model never produced. The forged proof passes the Groth16 check under the
// degenerate key (as the verifier accepted before keys were checked for structure), fails
// under the real key, and the degenerate key is now refused at registration and verification.
func TestDegenerateKeysForgeProofs(t *testing.T) {
	vk, _, st := loadFixture(t)
	forged := st
	forged.Output = vector.Encode([]int64{7, 7, 7})

	alpha, beta, gamma := g1At(t, vk, offAlpha), g2At(t, vk, offBeta), g2At(t, vk, offGamma)
	kSum := kSumFor(t, vk, forged)
	var negKSum, alphaPlusK, alphaMinusK, infinity curve.G1Affine
	negKSum.Neg(&kSum)
	alphaPlusK.Add(&alpha, &kSum)
	alphaMinusK.Sub(&alpha, &kSum)
	var negGamma, negBeta curve.G2Affine
	negGamma.Neg(&gamma)
	negBeta.Neg(&beta)

	cases := []struct {
		name  string
		key   []byte
		proof []byte // nil: no forgery shown, only the refusal
	}{
		{"error - delta = gamma", withG2(vk, offDelta, gamma), proofOf(alpha, beta, negKSum)},
		{"error - delta = -gamma", withG2(vk, offDelta, negGamma), proofOf(alpha, beta, kSum)},
		{"error - gamma = beta", withG2(vk, offGamma, beta), proofOf(alphaPlusK, beta, infinity)},
		{"error - gamma = -beta", withG2(vk, offGamma, negBeta), proofOf(alphaMinusK, beta, infinity)},
		{"error - delta = beta", withG2(vk, offDelta, beta), nil},
		{"error - repeated K point", withG1(vk, offK+2*32, g1At(t, vk, offK+32)), nil},
		{"error - K point repeated up to sign", withG1(vk, offK+3*32, neg(g1At(t, vk, offK))), nil},
		{"error - alpha at infinity", withG1(vk, offAlpha, infinity), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.proof != nil {
				require.NoError(t, verifier.VerifyUnchecked(c.key, c.proof, forged), "the forgery no longer works: the test proves nothing")
				require.ErrorIs(t, verifier.Verify(vk, c.proof, forged), verifier.ErrInvalidProof)
				require.ErrorIs(t, verifier.Verify(c.key, c.proof, forged), verifier.ErrBadVerifyingKey)
			}
			require.ErrorIs(t, verifier.CheckVerifyingKey(c.key), verifier.ErrBadVerifyingKey)
		})
	}
	require.NoError(t, verifier.CheckVerifyingKey(vk))
}

// kSumFor is K0 + sum pub_i K_i for st under vk: what the Groth16 check pairs with gamma.
func kSumFor(t *testing.T, vk []byte, st verifier.Statement) curve.G1Affine {
	t.Helper()
	var in fr.Element
	in.SetBytes(st.InputCommitment)
	out, err := vector.Decode(st.Output)
	require.NoError(t, err)
	pub, err := commit.PublicInputs(st.ChainID, st.TaskID, st.Worker, in, out)
	require.NoError(t, err)
	sum := g1At(t, vk, offK)
	for i := range pub {
		var term curve.G1Affine
		k := g1At(t, vk, offK+(i+1)*32)
		term.ScalarMultiplication(&k, pub[i].BigInt(new(big.Int)))
		sum.Add(&sum, &term)
	}
	return sum
}

// proofOf encodes a proof (A, B, C) as verifier.Verify reads it.
func proofOf(a curve.G1Affine, b curve.G2Affine, c curve.G1Affine) []byte {
	var out bytes.Buffer
	ab, bb, cb := a.Bytes(), b.Bytes(), c.Bytes()
	var pok curve.G1Affine
	pb := pok.Bytes()
	out.Write(ab[:])
	out.Write(bb[:])
	out.Write(cb[:])
	out.Write(binary.BigEndian.AppendUint32(nil, 0))
	out.Write(pb[:])
	return out.Bytes()
}

func g1At(t *testing.T, b []byte, off int) curve.G1Affine {
	t.Helper()
	var p curve.G1Affine
	_, err := p.SetBytes(b[off : off+curve.SizeOfG1AffineCompressed])
	require.NoError(t, err)
	return p
}

func g2At(t *testing.T, b []byte, off int) curve.G2Affine {
	t.Helper()
	var p curve.G2Affine
	_, err := p.SetBytes(b[off : off+curve.SizeOfG2AffineCompressed])
	require.NoError(t, err)
	return p
}

func withG1(b []byte, off int, p curve.G1Affine) []byte {
	c := bytes.Clone(b)
	enc := p.Bytes()
	copy(c[off:], enc[:])
	return c
}

func withG2(b []byte, off int, p curve.G2Affine) []byte {
	c := bytes.Clone(b)
	enc := p.Bytes()
	copy(c[off:], enc[:])
	return c
}

func neg(p curve.G1Affine) curve.G1Affine {
	var n curve.G1Affine
	n.Neg(&p)
	return n
}
