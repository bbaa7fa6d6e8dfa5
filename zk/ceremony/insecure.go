package ceremony

import (
	"crypto/sha256"
	"errors"
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
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
// truncating a larger one gives the smaller one exactly. The file is kept in the ceremony cache
// (insecure_cache.go), whose entry also lets phase-2 starts on it compute phase 1's Lagrange
// form from the public secrets instead of by FFT.
func InsecureTestPhase1(n uint64) ([]byte, error) {
	if err := checkDomainSize(n); err != nil {
		return nil, err
	}
	if b := readInsecureCache(n); b != nil {
		return b, nil
	}
	b, err := insecureTestPhase1(n)
	if err != nil {
		return nil, err
	}
	writeInsecureCache(n, b) // best effort: without it the next call recomputes
	return b, nil
}

func insecureTestPhase1(n uint64) ([]byte, error) {
	tau, alpha, beta := insecureSecrets()
	pow := make([]fr.Element, 2*n-1) // tau^i
	pow[0].SetOne()
	for i := 1; i < len(pow); i++ {
		pow[i].Mul(&pow[i-1], &tau)
	}
	_, _, g1, g2 := curve.Generators()
	var c mpcsetup.SrsCommons
	c.G1.Tau = curve.BatchScalarMultiplicationG1(&g1, pow)
	c.G1.AlphaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(pow[:n], &alpha))
	c.G1.BetaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(pow[:n], &beta))
	c.G2.Tau = curve.BatchScalarMultiplicationG2(&g2, pow[:n])
	betaPow := []fr.Element{beta}
	c.G2.Beta = curve.BatchScalarMultiplicationG2(&g2, betaPow)[0]
	return encode(&c)
}

// insecureSecrets are tau, alpha and beta of InsecureTestPhase1.
func insecureSecrets() (tau, alpha, beta fr.Element) {
	var s [3]fr.Element
	for i, label := range InsecureTestPhase1Secrets {
		h := sha256.Sum256([]byte(label))
		s[i].SetBytes(h[:])
	}
	return s[0], s[1], s[2]
}

// insecureLagrange is InsecureTestPhase1 in the Lagrange basis of domain size n, computed from
// its public secrets: L_i(τ) = (τⁿ - 1)/n · ωⁱ/(τ - ωⁱ), then one fixed-base multiplication per
// point, instead of the inverse FFT over curve points that a phase 1 with unknown secrets needs
// (minutes at 2^17). The points are the same (TestInsecureLagrangeIsTheFFTs).
func insecureLagrange(n int) (*lagrangeBasis, error) {
	tau, alpha, beta := insecureSecrets()
	domain := fft.NewDomain(uint64(n)) //nolint:gosec // G115: domain sizes are non-negative
	l := make([]fr.Element, n)         // τ - ωⁱ, inverted below
	var w fr.Element
	w.SetOne()
	for i := range l {
		l[i].Sub(&tau, &w)
		if l[i].IsZero() {
			return nil, errors.New("tau is a root of unity of the domain")
		}
		w.Mul(&w, &domain.Generator)
	}
	l = fr.BatchInvert(l)
	var factor fr.Element // (τⁿ - 1)/n
	factor.Exp(tau, big.NewInt(int64(n)))
	var one fr.Element
	one.SetOne()
	factor.Sub(&factor, &one).Mul(&factor, &domain.CardinalityInv)
	w.SetOne()
	for i := range l {
		l[i].Mul(&l[i], &w).Mul(&l[i], &factor)
		w.Mul(&w, &domain.Generator)
	}
	_, _, g1, g2 := curve.Generators()
	b := &lagrangeBasis{n: uint64(n)} //nolint:gosec // G115: domain sizes are non-negative
	run(
		func() { b.tau1 = curve.BatchScalarMultiplicationG1(&g1, l) },
		func() { b.alpha1 = curve.BatchScalarMultiplicationG1(&g1, scaled(l, &alpha)) },
		func() { b.beta1 = curve.BatchScalarMultiplicationG1(&g1, scaled(l, &beta)) },
		func() { b.tau2 = curve.BatchScalarMultiplicationG2(&g2, l) },
	)
	return b, nil
}

// scaled returns k·v.
func scaled(v []fr.Element, k *fr.Element) []fr.Element {
	out := make([]fr.Element, len(v))
	for i := range out {
		out[i].Mul(&v[i], k)
	}
	return out
}
