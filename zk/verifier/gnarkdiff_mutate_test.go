package verifier_test

import (
	"bytes"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
)

// Where the points of the exact encodings are (see verifier.ProofSize, verifier.VerifyingKeySize).
var (
	proofG1 = []int{0, 96, 132} // Ar, Krs, CommitmentPok
	proofG2 = []int{32}         // Bs
	keyG1   = []int{offAlpha, 32, 192, offK, offK + 32, offK + 64, offK + 96}
	keyG2   = []int{offBeta, offGamma, offDelta}
)

// The mutations the fuzzer applies, by code: each reads its arguments from the fuzz input.
const (
	opFlipProofBit = iota
	opFlipKeyBit
	opProofPoint // replace a point of the proof (kind: see pointKinds)
	opKeyPoint
	opSwapProofPoints
	opSwapKeyPoints
	opResizeProof // cut or extend by up to 127 bytes
	opResizeKey
	opStatement // change one field of the statement
	opOtherKey  // the other circuit's key
	opForge     // delta := gamma and the proof that key lets anyone make for any statement
	opUncompressProofPoint
	opUncompressKeyPoint
	opSetProofUint32 // the commitment count
	opSetKeyUint32   // the K count, committed inputs, commitment keys
	nbOps
)

// mutate applies the mutation coded by op to c, reading its arguments from r.
func mutate(c *diffCase, op byte, r *byteReader, cs []*diffCircuit) {
	switch op % nbOps {
	case opFlipProofBit:
		flipBit(c.proof, r)
	case opFlipKeyBit:
		flipBit(c.vk, r)
	case opProofPoint:
		c.proof = replacePoint(c.proof, proofG1, proofG2, r)
	case opKeyPoint:
		c.vk = replacePoint(c.vk, keyG1, keyG2, r)
	case opSwapProofPoints:
		c.proof = swapPoints(c.proof, proofG1, proofG2, r)
	case opSwapKeyPoints:
		c.vk = swapPoints(c.vk, keyG1, keyG2, r)
	case opResizeProof:
		c.proof = resize(c.proof, r)
	case opResizeKey:
		c.vk = resize(c.vk, r)
	case opStatement:
		changeStatement(c, r)
	case opOtherKey:
		c.vk = bytes.Clone(cs[int(r.next())%len(cs)].vk)
	case opForge:
		forge(c)
	case opUncompressProofPoint:
		c.proof = uncompress(c.proof, proofG1, proofG2, r)
	case opUncompressKeyPoint:
		c.vk = uncompress(c.vk, keyG1, keyG2, r)
	case opSetProofUint32:
		c.proof = setUint32(c.proof, []int{128}, r)
	case opSetKeyUint32:
		c.vk = setUint32(c.vk, []int{288, 420, 424}, r)
	}
}

func flipBit(b []byte, r *byteReader) {
	pos := int(r.next())<<8 | int(r.next())
	bit := r.next() % 8
	if len(b) > 0 {
		b[pos%len(b)] ^= 1 << bit
	}
}

// pick returns the offset of the point r chooses among g1 and g2, and whether it is in G2; -1
// when b is too short to hold it.
func pick(b []byte, g1, g2 []int, r *byteReader) (off int, inG2 bool) {
	i := int(r.next()) % (len(g1) + len(g2))
	off, size := 0, curve.SizeOfG1AffineCompressed
	if i < len(g1) {
		off = g1[i]
	} else {
		off, inG2, size = g2[i-len(g1)], true, curve.SizeOfG2AffineCompressed
	}
	if off+size > len(b) {
		return -1, inG2
	}
	return off, inG2
}

func swapPoints(b []byte, g1, g2 []int, r *byteReader) []byte {
	b = bytes.Clone(b)
	group, size := g1, curve.SizeOfG1AffineCompressed
	if r.next()%4 == 0 && len(g2) > 1 {
		group, size = g2, curve.SizeOfG2AffineCompressed
	}
	i, j := group[int(r.next())%len(group)], group[int(r.next())%len(group)]
	if i+size > len(b) || j+size > len(b) {
		return b
	}
	tmp := bytes.Clone(b[i : i+size])
	copy(b[i:i+size], b[j:j+size])
	copy(b[j:j+size], tmp)
	return b
}

// resize cuts b by up to 127 bytes or extends it with up to 128 bytes read from r.
func resize(b []byte, r *byteReader) []byte {
	d := int(int8(r.next()))
	if d < 0 {
		return bytes.Clone(b[:max(0, len(b)+d)])
	}
	return append(bytes.Clone(b), r.bytes(d+1)...)
}

// uncompress re-encodes one point of b in gnark's uncompressed form, which gnark's decoder also
// reads: the encoding grows by 32 (G1) or 64 (G2) bytes.
func uncompress(b []byte, g1, g2 []int, r *byteReader) []byte {
	off, inG2 := pick(b, g1, g2, r)
	if off < 0 {
		return b
	}
	var raw []byte
	size := curve.SizeOfG1AffineCompressed
	if inG2 {
		size = curve.SizeOfG2AffineCompressed
		var p curve.G2Affine
		if _, err := p.SetBytes(b[off : off+size]); err != nil {
			return b
		}
		enc := p.RawBytes()
		raw = enc[:]
	} else {
		var p curve.G1Affine
		if _, err := p.SetBytes(b[off : off+size]); err != nil {
			return b
		}
		enc := p.RawBytes()
		raw = enc[:]
	}
	return append(append(bytes.Clone(b[:off]), raw...), b[off+size:]...)
}

func setUint32(b []byte, offs []int, r *byteReader) []byte {
	b = bytes.Clone(b)
	off := offs[int(r.next())%len(offs)]
	v := r.bytes(4)
	if off+4 <= len(b) {
		copy(b[off:], v)
	}
	return b
}
