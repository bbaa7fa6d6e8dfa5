package verifier_test

// The points replacePoint writes into an encoding: well-formed points the verifier must reject in
// the wrong place, and encodings it must refuse to decode.

import (
	"bytes"
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

// replacePoint overwrites one point of b with an encoding of the kind r chooses: the point at
// infinity, the generator, the point negated, doubled or plus the generator, a multiple of the
// generator, an x-only candidate (on the curve or not), a coordinate of p or more (not a field
// element), the other sign bit, the uncompressed flag in a compressed slot, or (G2) a point of
// the twist outside the prime-order subgroup.
func replacePoint(b []byte, g1, g2 []int, r *byteReader) []byte {
	b = bytes.Clone(b)
	off, inG2 := pick(b, g1, g2, r)
	if off < 0 {
		return b
	}
	size := curve.SizeOfG1AffineCompressed
	if inG2 {
		size = curve.SizeOfG2AffineCompressed
	}
	kind, k := r.next()%10, r.uint64()
	slot := b[off : off+size]
	switch kind {
	case 0: // infinity
		clear(slot)
		slot[0] = 0x40
	case 1, 2, 3, 4: // generator, -P, 2P, P + generator
		copy(slot, transform(slot, inG2, kind))
	case 5: // k times the generator
		copy(slot, multiple(inG2, k))
	case 6: // x = k, with the "smallest y" flag: on the curve or not
		clear(slot)
		putX(slot, k)
		slot[0] |= 0x80
	case 7: // x = p + (k mod 2^16): not a canonical field element
		clear(slot)
		mod := fp.Modulus()
		mod.Add(mod, new(big.Int).SetUint64(k%(1<<16)))
		mod.FillBytes(slot[size-fp.Bytes:])
		slot[0] |= 0x80
	case 8: // the other sign flag
		slot[0] ^= 0x40
	case 9:
		if inG2 {
			copy(slot, outsideSubgroupG2(k))
		} else {
			slot[0] &= 0x3f // uncompressed flag on a 32-byte slot
		}
	}
	return b
}

// transform is the point encoded in slot (the generator if it does not decode) mapped by kind:
// 1 the generator, 2 negated, 3 doubled, 4 plus the generator.
func transform(slot []byte, inG2 bool, kind byte) []byte {
	_, _, g1Gen, g2Gen := curve.Generators()
	if inG2 {
		var p curve.G2Affine
		if _, err := p.SetBytes(slot); err != nil || kind == 1 {
			p = g2Gen
		}
		switch kind {
		case 2:
			p.Neg(&p)
		case 3:
			p.Double(&p)
		case 4:
			p.Add(&p, &g2Gen)
		}
		enc := p.Bytes()
		return enc[:]
	}
	var p curve.G1Affine
	if _, err := p.SetBytes(slot); err != nil || kind == 1 {
		p = g1Gen
	}
	switch kind {
	case 2:
		p.Neg(&p)
	case 3:
		p.Double(&p)
	case 4:
		p.Add(&p, &g1Gen)
	}
	enc := p.Bytes()
	return enc[:]
}

func multiple(inG2 bool, k uint64) []byte {
	s := new(big.Int).SetUint64(k)
	if inG2 {
		var p curve.G2Affine
		enc := p.ScalarMultiplicationBase(s).Bytes()
		return enc[:]
	}
	var p curve.G1Affine
	enc := p.ScalarMultiplicationBase(s).Bytes()
	return enc[:]
}

// putX writes k as the last coordinate of a compressed slot (X, or X.A0 of a G2 point).
func putX(slot []byte, k uint64) {
	new(big.Int).SetUint64(k).FillBytes(slot[len(slot)-8:])
}

// outsideSubgroupG2 is the compressed encoding of a point of the twist that is not in G2: x =
// k + j for the first j that gives one (most points of the twist are not in G2).
func outsideSubgroupG2(k uint64) []byte {
	for j := uint64(0); ; j++ {
		slot := make([]byte, curve.SizeOfG2AffineCompressed)
		putX(slot, (k+j)%(1<<62))
		slot[0] |= 0x80
		var p curve.G2Affine
		dec := curve.NewDecoder(bytes.NewReader(slot), curve.NoSubgroupChecks())
		if dec.Decode(&p) == nil && !p.IsInSubGroup() {
			return slot
		}
	}
}
