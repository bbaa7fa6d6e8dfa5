package ceremony

import (
	"bytes"
	"fmt"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/parallel"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// readCommons decodes a whole sealed commons file.
func readCommons(b []byte) (*mpcsetup.SrsCommons, error) {
	n, err := commonsDomain(b)
	if err != nil {
		return nil, err
	}
	return readCommonsPrefix(b, n)
}

// readCommonsPrefix decodes, from a sealed commons file, the commons of domain size m (at most
// the file's): the prefix of each vector that truncate keeps, so a small circuit's start does
// not pay for decoding a network's large phase 1. gnark's SrsCommons.ReadFrom decodes its
// points one by one (a square root each, and a subgroup check for G2); here they are decoded in
// parallel with the same checks (canonical encoding, on the curve, in the subgroup), and each
// must re-encode to its bytes, as decode requires of whole files.
func readCommonsPrefix(b []byte, m uint64) (*mpcsetup.SrsCommons, error) {
	n, err := commonsDomain(b)
	if err != nil {
		return nil, err
	}
	if err := checkDomainSize(m); err != nil {
		return nil, err
	}
	if m > n {
		return nil, fmt.Errorf("%w: the circuit needs a domain of %d, phase 1 has %d", ErrDomainSize, m, n)
	}
	sec := commonsSections(b, n, m)
	beta2, tau1, tau2, betaTau, alphaTau := sec.beta2, sec.tau1, sec.tau2, sec.betaTau, sec.alphaTau

	c := new(mpcsetup.SrsCommons)
	c.G1.Tau, c.G2.Tau = make([]curve.G1Affine, 2*m-1), make([]curve.G2Affine, m)
	_, _, c.G1.Tau[0], c.G2.Tau[0] = curve.Generators()
	var g2s []curve.G2Affine
	if g2s, err = decodeG2s(append(bytes.Clone(beta2), tau2...)); err != nil {
		return nil, err
	}
	c.G2.Beta = g2s[0]
	copy(c.G2.Tau[1:], g2s[1:])
	var tau []curve.G1Affine
	if tau, err = decodeG1s(tau1); err != nil {
		return nil, err
	}
	copy(c.G1.Tau[1:], tau)
	if c.G1.BetaTau, err = decodeG1s(betaTau); err != nil {
		return nil, err
	}
	if c.G1.AlphaTau, err = decodeG1s(alphaTau); err != nil {
		return nil, err
	}
	return c, nil
}

// sections are the byte ranges of a sealed commons file of domain n that the commons of domain
// m ≤ n keep. The file: n | [β]₂ | [τⁱ]₁ 1 ≤ i ≤ 2n-2 | [τⁱ]₂ 1 ≤ i ≤ n-1 | [βτⁱ]₁ i < n | [ατⁱ]₁ i < n.
type sections struct{ beta2, tau1, tau2, betaTau, alphaTau []byte }

func commonsSections(b []byte, n, m uint64) sections {
	off := uint64(8)
	section := func(count, size uint64) []byte {
		s := b[off : off+count*size]
		off += count * size
		return s
	}
	var s sections
	s.beta2 = section(1, g2Size)
	s.tau1 = section(2*n-2, g1Size)[:(2*m-2)*g1Size]
	s.tau2 = section(n-1, g2Size)[:(m-1)*g2Size]
	s.betaTau = section(n, g1Size)[:m*g1Size]
	s.alphaTau = section(n, g1Size)[:m*g1Size]
	return s
}

// readStart returns what a phase-2 start of domain m needs of a sealed phase 1 (hash phase1Hash):
// its Lagrange form, its powers [τⁱ]₁ (for Z) and the commons Seal reads. With the Lagrange form
// in this machine's cache, only [τⁱ]₁ and the anchor points are decoded: the other vectors are
// only the FFT's input. Otherwise the whole prefix is decoded and the Lagrange form computed
// (and cached).
func readStart(b, phase1Hash []byte, m uint64) (*lagrangeBasis, []curve.G1Affine, *mpcsetup.SrsCommons, error) {
	n, err := commonsDomain(b)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := checkDomainSize(m); err != nil {
		return nil, nil, nil, err
	}
	if m > n {
		return nil, nil, nil, fmt.Errorf("%w: the circuit needs a domain of %d, phase 1 has %d", ErrDomainSize, m, n)
	}
	l, err := readLagrange(lagrangePath(phase1Hash, int(m)), phase1Hash, int(m)) //nolint:gosec // G115: a domain that fits in memory fits in an int
	if err != nil {
		c, err := readCommonsPrefix(b, m)
		if err != nil {
			return nil, nil, nil, err
		}
		return lagrangeOf(c, phase1Hash, int(m)), c.G1.Tau, c, nil //nolint:gosec // G115: a domain that fits in memory fits in an int
	}
	sec := commonsSections(b, n, m)
	tau := make([]curve.G1Affine, 2*m-1)
	_, _, tau[0], _ = curve.Generators()
	powers, err := decodeG1s(sec.tau1)
	if err != nil {
		return nil, nil, nil, err
	}
	copy(tau[1:], powers)
	firsts, err := decodeG1s(append(bytes.Clone(sec.betaTau[:g1Size]), sec.alphaTau[:g1Size]...))
	if err != nil {
		return nil, nil, nil, err
	}
	beta2, err := decodeG2s(sec.beta2)
	if err != nil {
		return nil, nil, nil, err
	}
	return l, tau, sealCommons(m, firsts[1], firsts[0], beta2[0]), nil
}

// sealCommons are the commons gnark's Phase2.Seal reads: the domain size (the length of
// G1.AlphaTau) and [α]₁, [β]₁, [β]₂; the other points are left zero.
func sealCommons(m uint64, alpha1, beta1 curve.G1Affine, beta2 curve.G2Affine) *mpcsetup.SrsCommons {
	c := new(mpcsetup.SrsCommons)
	c.G1.AlphaTau, c.G1.BetaTau = make([]curve.G1Affine, m), make([]curve.G1Affine, 1)
	c.G1.AlphaTau[0], c.G1.BetaTau[0], c.G2.Beta = alpha1, beta1, beta2
	return c
}

// decodeG1s decodes consecutive compressed G1 points in parallel, strictly.
func decodeG1s(b []byte) ([]curve.G1Affine, error) {
	return decodePoints[curve.G1Affine](b, g1Size, func(p *curve.G1Affine, enc []byte) bool {
		if _, err := p.SetBytes(enc); err != nil {
			return false
		}
		again := p.Bytes()
		return bytes.Equal(again[:], enc)
	})
}

// decodeG2s decodes consecutive compressed G2 points in parallel, strictly.
func decodeG2s(b []byte) ([]curve.G2Affine, error) {
	return decodePoints[curve.G2Affine](b, g2Size, func(p *curve.G2Affine, enc []byte) bool {
		if _, err := p.SetBytes(enc); err != nil {
			return false
		}
		again := p.Bytes()
		return bytes.Equal(again[:], enc)
	})
}

func decodePoints[P any](b []byte, size int, set func(*P, []byte) bool) ([]P, error) {
	points := make([]P, len(b)/size)
	bad := make([]bool, len(points))
	parallel.Execute(len(points), func(start, end int) {
		for i := start; i < end; i++ {
			bad[i] = !set(&points[i], b[i*size:(i+1)*size])
		}
	})
	for i := range bad {
		if bad[i] {
			return nil, fmt.Errorf("%w: point %d of a sealed phase-1 section is not a canonical encoding of a subgroup point", ErrMalformed, i)
		}
	}
	return points, nil
}
