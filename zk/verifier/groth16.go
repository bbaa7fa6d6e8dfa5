package verifier

import (
	"fmt"
	"math/big"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
)

type frElement = fr.Element

// verifyingKey is a decoded key with what verification precomputes: e(alpha, beta) and the
// Miller-loop lines of -gamma and -delta.
type verifyingKey struct {
	k         [commit.NbPublic + 1]curve.G1Affine
	alphaBeta curve.GT
	lines     [][2][len(curve.LoopCounter)]curve.LineEvaluationAff // -delta, -gamma
}

// linesBuf holds a working copy of a key's two sets of precomputed lines.
type linesBuf [2][2][len(curve.LoopCounter)]curve.LineEvaluationAff

var linesPool = sync.Pool{New: func() any { return new(linesBuf) }}

type proof struct {
	ar, krs curve.G1Affine
	bs      curve.G2Affine
}

func newVerifyingKey(pts keyPoints) (*verifyingKey, error) {
	e, err := curve.Pair([]curve.G1Affine{pts.alpha}, []curve.G2Affine{pts.beta})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadVerifyingKey, err)
	}
	var gammaNeg, deltaNeg curve.G2Affine
	gammaNeg.Neg(&pts.gamma)
	deltaNeg.Neg(&pts.delta)
	return &verifyingKey{
		k:         pts.k,
		alphaBeta: e,
		lines:     [][2][len(curve.LoopCounter)]curve.LineEvaluationAff{curve.PrecomputeLines(deltaNeg), curve.PrecomputeLines(gammaNeg)},
	}, nil
}

// verify checks the Groth16 equation e(Ar, Bs) * e(Krs, -delta) * e(K0 + sum pub_i K_i, -gamma)
// == e(alpha, beta). Proof points were subgroup-checked when decoded.
func (vk *verifyingKey) verify(p *proof, pub [commit.NbPublic]fr.Element) error {
	var acc curve.G1Jac
	acc.FromAffine(&vk.k[0])
	for i := range pub {
		var term, base curve.G1Jac
		base.FromAffine(&vk.k[i+1])
		term.ScalarMultiplication(&base, pub[i].BigInt(new(big.Int)))
		acc.AddAssign(&term)
	}
	var kSum curve.G1Affine
	kSum.FromJacobian(&acc)

	// MillerLoopFixedQ overwrites the lines it is given, so each call works on its own copy: the
	// cached key stays intact and concurrent verifications do not race. The copies (34 KB) come
	// from a pool rather than a fresh allocation per verification.
	lines := linesPool.Get().(*linesBuf)
	defer linesPool.Put(lines)
	copy(lines[:], vk.lines)
	fixed, err := curve.MillerLoopFixedQ([]curve.G1Affine{p.krs, kSum}, lines[:])
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidProof, err)
	}
	ab, err := curve.MillerLoop([]curve.G1Affine{p.ar}, []curve.G2Affine{p.bs})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidProof, err)
	}
	res := curve.FinalExponentiation(&fixed, &ab)
	if !res.Equal(&vk.alphaBeta) {
		return fmt.Errorf("%w: pairing check failed", ErrInvalidProof)
	}
	return nil
}
