package verifier

import (
	"fmt"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
)

// checkStructure rejects keys whose points are related in a way that lets anyone forge a proof
// or move a proof to another statement. The Groth16 check is
// e(A, B) = e(alpha, beta) * e(K0 + sum pub_i K_i, gamma) * e(C, delta), so:
//   - a point at infinity for alpha, beta, gamma or delta voids its pairing, and a zero K point
//     for a public input leaves that input unconstrained (any value verifies);
//   - gamma = ±delta lets A = alpha, B = beta, C = ∓(K0 + sum pub_i K_i) pass for every
//     statement, and gamma = ±beta lets A = alpha ± (K0 + sum pub_i K_i), B = beta, C = 0 pass;
//     beta = ±delta is refused with them, as no honest setup repeats a point;
//   - K_i = ±K_j lets a proof of one statement verify another whose inputs trade the difference.
//
// An honest setup draws gamma, delta and the K points from independent secrets, so it never
// meets these with any real chance. (Relations that need a discrete logarithm to spot, such as
// delta = 2 gamma, are out of reach of any check on the key: only a key derived from the
// artifact by a multi-party setup excludes them.)
func (pts keyPoints) checkStructure() error {
	if pts.alpha.IsInfinity() || pts.beta.IsInfinity() || pts.gamma.IsInfinity() || pts.delta.IsInfinity() {
		return fmt.Errorf("%w: degenerate point (alpha, beta, gamma or delta at infinity)", ErrBadVerifyingKey)
	}
	for i := 1; i < len(pts.k); i++ {
		if pts.k[i].IsInfinity() {
			return fmt.Errorf("%w: public input %d is unconstrained (zero K point)", ErrBadVerifyingKey, i-1)
		}
	}
	g2 := []struct {
		name string
		p    *curve.G2Affine
	}{{"beta", &pts.beta}, {"gamma", &pts.gamma}, {"delta", &pts.delta}}
	for i := range g2 {
		for j := i + 1; j < len(g2); j++ {
			if sameUpToSignG2(g2[i].p, g2[j].p) {
				return fmt.Errorf("%w: %s and %s are the same point up to sign (proofs could be forged)", ErrBadVerifyingKey, g2[i].name, g2[j].name)
			}
		}
	}
	for i := range pts.k {
		for j := i + 1; j < len(pts.k); j++ {
			if sameUpToSignG1(&pts.k[i], &pts.k[j]) {
				return fmt.Errorf("%w: K points %d and %d are the same up to sign (public inputs would not be bound)", ErrBadVerifyingKey, i, j)
			}
		}
	}
	return nil
}

func sameUpToSignG1(p, q *curve.G1Affine) bool {
	var neg curve.G1Affine
	neg.Neg(q)
	return p.Equal(q) || p.Equal(&neg)
}

func sameUpToSignG2(p, q *curve.G2Affine) bool {
	var neg curve.G2Affine
	neg.Neg(q)
	return p.Equal(q) || p.Equal(&neg)
}
