package ceremony

import (
	"errors"
	"math/big"
	"slices"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	cryptompc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	"github.com/consensys/gnark-crypto/parallel"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// initializePhase2 computes what gnark's Phase2.Initialize (gnark v0.16.1) computes, the initial
// phase-2 state and the evaluations, for circuits without BSB22 commitments, the only ones
// prepareCircuit accepts. Every output point is the same group element as gnark's, so the state
// file and keys are byte-identical (TestInitializeMatchesGnark); it is faster because gnark
// multiplies and adds every constraint term in affine coordinates (a field inversion each, and a
// full-width scalar multiplication for every negative coefficient), while this accumulates each
// wire's sums in Jacobian coordinates, builds each term from its constraint's shared doublings
// and its coefficient's small signed magnitude (our weights and bit-decomposition powers of
// two), and converts all points at once. phase1Hash (of the full sealed commons that commons were
// truncated from) keys the on-disk Lagrange cache (lagrange_cache.go); nil computes without it.
func initializePhase2(r1cs *cs.R1CS, commons *mpcsetup.SrsCommons, phase1Hash []byte) (*mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	return initializeFrom(r1cs, lagrangeOf(commons, phase1Hash, len(commons.G1.AlphaTau)), commons.G1.Tau)
}

// initializeFrom is initializePhase2 from phase 1 in the Lagrange basis and its powers of tau in
// G1 (2n-1 of them, for Z): a start whose Lagrange form is cached needs nothing else of phase 1.
func initializeFrom(r1cs *cs.R1CS, l *lagrangeBasis, tau []curve.G1Affine) (*mpcsetup.Phase2, *mpcsetup.Phase2Evaluations, error) {
	commitments, ok := r1cs.CommitmentInfo.(constraint.Groth16Commitments)
	if !ok || len(commitments) != 0 {
		return nil, nil, ErrCommitments
	}
	n := int(l.n) //nolint:gosec // G115: a domain that fits in memory fits in an int
	if n < r1cs.GetNbConstraints() || len(tau) != 2*n-1 {
		return nil, nil, errors.New("phase 1 is smaller than the circuit")
	}
	tau1, alphaTau1, betaTau1, tau2 := l.tau1, l.alpha1, l.beta1, l.tau2

	nbInternal, nbSecret, nbPublic := r1cs.GetNbVariables()
	nWires := nbInternal + nbSecret + nbPublic
	coeffs := signedCoefficients(r1cs.Coefficients)
	a, b1, bA, aB, c := make([]curve.G1Jac, nWires), make([]curve.G1Jac, nWires), make([]curve.G1Jac, nWires), make([]curve.G1Jac, nWires), make([]curve.G1Jac, nWires)
	b2 := make([]curve.G2Jac, nWires)
	side := func(con *constraint.R1C, which int) constraint.LinearExpression {
		return [...]constraint.LinearExpression{con.L, con.R, con.O}[which]
	}
	g1 := func(acc []curve.G1Jac, bases []curve.G1Affine, which int) func() {
		return func() {
			var chain []curve.G1Jac
			it := r1cs.GetR1CIterator()
			for i, con := 0, it.Next(); con != nil; i, con = i+1, it.Next() {
				accumulateTerms(acc, &bases[i], side(con, which), coeffs, &chain)
			}
		}
	}
	run(
		g1(a, tau1, 0), g1(bA, betaTau1, 0), g1(b1, tau1, 1), g1(aB, alphaTau1, 1), g1(c, tau1, 2),
		func() {
			var chain []curve.G2Jac
			it := r1cs.GetR1CIterator()
			for i, con := 0, it.Next(); con != nil; i, con = i+1, it.Next() {
				accumulateTerms(b2, &tau2[i], con.R, coeffs, &chain)
			}
		},
	)
	// Since δ = γ = 1 so far, the K points of public and private wires are both βA + αB + C.
	parallel.Execute(nWires, func(start, end int) {
		for j := start; j < end; j++ {
			bA[j].AddAssign(&aB[j]).AddAssign(&c[j])
		}
	})
	k := curve.BatchJacobianToAffineG1(bA)

	var evals mpcsetup.Phase2Evaluations
	evals.PublicAndCommitmentCommitted = commitments.GetPublicAndCommitmentCommitted(commitments.CommitmentIndexes(), nbPublic)
	evals.G1.A, evals.G1.B, evals.G2.B = curve.BatchJacobianToAffineG1(a), curve.BatchJacobianToAffineG1(b1), affineG2(b2)
	evals.G1.CKK = make([][]curve.G1Affine, 0)
	evals.G1.VKK = slices.Clone(k[:nbPublic])

	p := new(mpcsetup.Phase2)
	_, _, p.Parameters.G1.Delta, p.Parameters.G2.Delta = curve.Generators()
	p.Parameters.G1.Z = vanishingTimesPowers(tau, n)
	p.Parameters.G1.PKK = k[nbPublic:]
	p.Parameters.G1.SigmaCKK = make([][]curve.G1Affine, 0)
	p.Parameters.G2.Sigma = make([]curve.G2Affine, 0)
	p.Sigmas = make([]cryptompc.UpdateProof, 0)
	return p, &evals, nil
}

// vanishingTimesPowers is the proving key's Z before any contribution: [τ^i(τ^n - 1)]₁ for
// i ≤ n-2, bit-reversed as gnark orders them.
func vanishingTimesPowers(tau []curve.G1Affine, n int) []curve.G1Affine {
	z := make([]curve.G1Jac, n)
	parallel.Execute(n-1, func(start, end int) {
		var low curve.G1Jac
		for i := start; i < end; i++ {
			z[i].FromAffine(&tau[i+n])
			z[i].SubAssign(low.FromAffine(&tau[i]))
		}
	})
	res := curve.BatchJacobianToAffineG1(z)
	bitReverse(res)
	return res[:n-1]
}

// signedCoefficient is a constraint coefficient c as ±magnitude with the smaller magnitude
// (c or r - c): a negative weight -w costs a multiplication by w, not by r - w.
type signedCoefficient struct {
	negative  bool
	magnitude big.Int
}

func signedCoefficients(values []fr.Element) []signedCoefficient {
	res := make([]signedCoefficient, len(values))
	var neg fr.Element
	for i := range values {
		neg.Neg(&values[i])
		if values[i].LexicographicallyLargest() {
			res[i].negative = true
			neg.BigInt(&res[i].magnitude)
		} else {
			values[i].BigInt(&res[i].magnitude)
		}
	}
	return res
}

// mixedJacobian is a Jacobian point type with its affine counterpart A.
type mixedJacobian[J, A any] interface {
	jacobian[J]
	AddMixed(*A) *J
	DoubleAssign() *J
	FromAffine(*A) *J
}

// chainBits is the coefficient size up to which a term is a sum of the constraint's doublings
// 2^k·base; larger ones (rare: hash constants, inverses) use gnark-crypto's GLV multiplication.
const chainBits = 128

// accumulateTerms adds c·base to acc[wire] for every term (wire, c) of one side of a
// constraint. The doublings 2^k·base are computed once per constraint side (in chain, reused
// across calls to spare allocations) and shared by its terms: a bit-decomposition sum
// Σ 2^k·b_k then costs one addition per term, a weight w one per set bit of |w|.
func accumulateTerms[J, A any, P mixedJacobian[J, A]](acc []J, base *A, terms constraint.LinearExpression, coeffs []signedCoefficient, chain *[]J) {
	*chain = (*chain)[:0]
	for _, t := range terms {
		c := &coeffs[t.CoeffID()]
		bitLen := c.magnitude.BitLen()
		if bitLen == 0 {
			continue
		}
		if bitLen == 1 && !c.negative {
			P(&acc[t.WireID()]).AddMixed(base)
			continue
		}
		var term J
		if bitLen > chainBits {
			P(&term).FromAffine(base)
			P(&term).ScalarMultiplication(&term, &c.magnitude)
		} else {
			for len(*chain) < bitLen {
				var next J
				if k := len(*chain); k == 0 {
					P(&next).FromAffine(base)
				} else {
					next = (*chain)[k-1]
					P(&next).DoubleAssign()
				}
				*chain = append(*chain, next)
			}
			term = (*chain)[bitLen-1]
			for bit := bitLen - 2; bit >= 0; bit-- {
				if c.magnitude.Bit(bit) == 1 {
					P(&term).AddAssign(&(*chain)[bit])
				}
			}
		}
		if c.negative {
			P(&acc[t.WireID()]).SubAssign(&term)
		} else {
			P(&acc[t.WireID()]).AddAssign(&term)
		}
	}
}

// run runs the jobs concurrently and waits for all. Each writes only its own outputs.
func run(jobs ...func()) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Go(job)
	}
	wg.Wait()
}
