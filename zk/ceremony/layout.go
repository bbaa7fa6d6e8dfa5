package ceremony

import (
	"encoding/binary"
	"fmt"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
)

// MaxDomainSize bounds the phase-1 domain (2^22 constraints: a sealed phase 1 of that size is
// about 540 MB). Files declaring more are refused before anything is allocated.
const MaxDomainSize = 1 << 22

const (
	g1Size       = curve.SizeOfG1AffineCompressed
	g2Size       = curve.SizeOfG2AffineCompressed
	proofSize    = g1Size + g2Size // mpcsetup.UpdateProof
	hashSize     = 32
	phase1Proofs = 3 * proofSize // tau, alpha, beta
)

// commonsSize is the size of a serialized SrsCommons of domain size n: n (uint64), [β]₂,
// [τⁱ]₁ for 1 ≤ i ≤ 2n-2, [τⁱ]₂ for 1 ≤ i ≤ n-1, [βτⁱ]₁ and [ατⁱ]₁ for 0 ≤ i ≤ n-1.
func commonsSize(n uint64) uint64 {
	return 8 + g2Size + (2*n-2)*g1Size + (n-1)*g2Size + 2*n*g1Size
}

// checkDomainSize accepts a power of two from 2 to MaxDomainSize.
func checkDomainSize(n uint64) error {
	if n < 2 || n > MaxDomainSize || n&(n-1) != 0 {
		return fmt.Errorf("%w: %d (want a power of two from 2 to %d)", ErrDomainSize, n, MaxDomainSize)
	}
	return nil
}

// commonsDomain reads the domain size a serialized SrsCommons declares and checks the file has
// exactly the size that implies.
func commonsDomain(b []byte) (uint64, error) {
	if len(b) < 8 {
		return 0, fmt.Errorf("%w: sealed phase 1 is %d bytes", ErrMalformed, len(b))
	}
	n := binary.BigEndian.Uint64(b)
	if err := checkDomainSize(n); err != nil {
		return 0, err
	}
	if uint64(len(b)) != commonsSize(n) {
		return 0, fmt.Errorf("%w: sealed phase 1 of domain %d is %d bytes, want %d", ErrMalformed, n, len(b), commonsSize(n))
	}
	return n, nil
}

// phase1Domain does the same for a phase-1 contribution file: three update proofs, the
// parameters, then the challenge (empty in the initial file, a 32-byte hash after a contribution).
func phase1Domain(b []byte) (uint64, error) {
	if len(b) < phase1Proofs+8 {
		return 0, fmt.Errorf("%w: phase-1 file is %d bytes", ErrMalformed, len(b))
	}
	n := binary.BigEndian.Uint64(b[phase1Proofs:])
	if err := checkDomainSize(n); err != nil {
		return 0, err
	}
	body := phase1Proofs + commonsSize(n)
	if l := uint64(len(b)); l != body+1 && l != body+1+hashSize {
		return 0, fmt.Errorf("%w: phase-1 file of domain %d is %d bytes, want %d or %d", ErrMalformed, n, l, body+1, body+1+hashSize)
	}
	if uint64(b[body]) != uint64(len(b))-body-1 {
		return 0, fmt.Errorf("%w: phase-1 challenge length", ErrMalformed)
	}
	return n, nil
}

// checkStateLayout checks a phase-2 state file walks exactly as gnark's Phase2.ReadFrom will
// read it with no commitments: uint16 0 | [δ]₁ | PKK (uint32 count, points) | Z (uint32 count,
// points) | [δ]₂ | update proof | challenge (uint8 length, 0 or 32 bytes). It returns the PKK
// and Z counts.
func checkStateLayout(b []byte) (nPKK, nZ uint64, err error) {
	off := uint64(0)
	need := func(n uint64) bool { return off+n <= uint64(len(b)) }
	if !need(2) || binary.BigEndian.Uint16(b) != 0 {
		return 0, 0, fmt.Errorf("%w: phase-2 state must start with 0 commitments", ErrMalformed)
	}
	off = 2 + g1Size
	for _, count := range []*uint64{&nPKK, &nZ} {
		if !need(4) {
			return 0, 0, fmt.Errorf("%w: phase-2 state truncated", ErrMalformed)
		}
		*count = uint64(binary.BigEndian.Uint32(b[off:]))
		off += 4
		if !need(*count * g1Size) {
			return 0, 0, fmt.Errorf("%w: phase-2 state truncated", ErrMalformed)
		}
		off += *count * g1Size
	}
	off += g2Size + proofSize
	if !need(1) {
		return 0, 0, fmt.Errorf("%w: phase-2 state truncated", ErrMalformed)
	}
	challenge := uint64(b[off])
	if (challenge != 0 && challenge != hashSize) || uint64(len(b)) != off+1+challenge {
		return 0, 0, fmt.Errorf("%w: phase-2 state has %d bytes after its points, want 1 + 0 or 32", ErrMalformed, uint64(len(b))-off)
	}
	return nPKK, nZ, nil
}
