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
	// The file: n | [β]₂ | [τⁱ]₁ 1 ≤ i ≤ 2n-2 | [τⁱ]₂ 1 ≤ i ≤ n-1 | [βτⁱ]₁ i < n | [ατⁱ]₁ i < n.
	off := uint64(8)
	section := func(count, size uint64) []byte {
		s := b[off : off+count*size]
		off += count * size
		return s
	}
	beta2 := section(1, g2Size)
	tau1 := section(2*n-2, g1Size)[:(2*m-2)*g1Size]
	tau2 := section(n-1, g2Size)[:(m-1)*g2Size]
	betaTau := section(n, g1Size)[:m*g1Size]
	alphaTau := section(n, g1Size)[:m*g1Size]

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
