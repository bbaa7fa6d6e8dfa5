package ceremony

import (
	"crypto/sha256"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// InsecureTestPhase1Secrets are the published secrets of InsecureTestPhase1: sha256 of these
// labels, reduced mod r, are tau, alpha and beta.
var InsecureTestPhase1Secrets = [3]string{
	"hyra INSECURE test phase 1: tau (public, never use outside tests)",
	"hyra INSECURE test phase 1: alpha (public, never use outside tests)",
	"hyra INSECURE test phase 1: beta (public, never use outside tests)",
}

// InsecureTestPhase1 returns sealed phase-1 commons of domain size n built directly from
// PUBLIC secrets (InsecureTestPhase1Secrets). INSECURE: anyone who knows tau can forge proofs
// for every circuit set up from it, whatever its phase 2. It exists only for tests and local
// demos, where running a real phase 1 would cost time and prove nothing; a network must never
// pin its hash in params. It is deterministic: the same n always gives the same bytes, and
// truncating a larger one gives the smaller one exactly.
func InsecureTestPhase1(n uint64) ([]byte, error) {
	if err := checkDomainSize(n); err != nil {
		return nil, err
	}
	var s [3]fr.Element
	for i, label := range InsecureTestPhase1Secrets {
		h := sha256.Sum256([]byte(label))
		s[i].SetBytes(h[:])
	}
	tau, alpha, beta := s[0], s[1], s[2]

	pow := make([]fr.Element, 2*n-1) // tau^i
	pow[0].SetOne()
	for i := 1; i < len(pow); i++ {
		pow[i].Mul(&pow[i-1], &tau)
	}
	scaled := func(k *fr.Element) []fr.Element {
		out := make([]fr.Element, n)
		for i := range out {
			out[i].Mul(&pow[i], k)
		}
		return out
	}
	_, _, g1, g2 := curve.Generators()
	var c mpcsetup.SrsCommons
	c.G1.Tau = curve.BatchScalarMultiplicationG1(&g1, pow)
	c.G1.AlphaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(&alpha))
	c.G1.BetaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(&beta))
	c.G2.Tau = curve.BatchScalarMultiplicationG2(&g2, pow[:n])
	betaPow := []fr.Element{beta}
	c.G2.Beta = curve.BatchScalarMultiplicationG2(&g2, betaPow)[0]
	return encode(&c)
}
