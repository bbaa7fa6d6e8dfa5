package verifier_test

import (
	"bytes"
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
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

// changeStatement changes one field of the statement: task id, chain id, worker, an input or
// output value (the input through its commitment), or makes it invalid (no chain id, an output that is not a vector).
func changeStatement(c *diffCase, r *byteReader) {
	st := &c.st
	switch r.next() % 7 {
	case 0:
		st.TaskID += 1 + uint64(r.next())
	case 1:
		st.ChainID += string('a' + rune(r.next()%26))
	case 2:
		st.Worker = bytes.Clone(st.Worker)
		if len(st.Worker) > 0 {
			st.Worker[int(r.next())%len(st.Worker)] ^= 1 + r.next()%255
		}
	case 3:
		st.InputCommitment = bumpCommitment(st.InputCommitment, r)
	case 4:
		st.Output = bumpVector(st.Output, r)
	case 5:
		st.ChainID = ""
	case 6:
		st.Output = append(bytes.Clone(st.Output), r.next())
	}
}

// bumpCommitment adds to an input commitment, keeping it a canonical field element.
func bumpCommitment(enc []byte, r *byteReader) []byte {
	var e, d fr.Element
	if e.SetBytesCanonical(enc) != nil {
		return enc
	}
	d.SetUint64(1 + uint64(r.next()))
	e.Add(&e, &d)
	b := e.Bytes()
	return b[:]
}

func bumpVector(enc []byte, r *byteReader) []byte {
	v, err := vector.Decode(enc)
	if err != nil || len(v) == 0 {
		return enc
	}
	v[int(r.next())%len(v)] += 1 + int64(r.next())
	return vector.Encode(v)
}

// forge turns c's key degenerate (delta = gamma) and its proof into the one such a key lets
// anyone make for any statement: A = alpha, B = beta, C = -(K0 + sum pub_i K_i). Nothing changes
// when the key or the statement does not decode.
func forge(c *diffCase) {
	if len(c.vk) < offK+(commit.NbPublic+1)*32 {
		return
	}
	var in fr.Element
	err1 := in.SetBytesCanonical(c.st.InputCommitment)
	out, err2 := vector.Decode(c.st.Output)
	if err1 != nil || err2 != nil {
		return
	}
	pub, err := commit.PublicInputs(c.st.ChainID, c.st.TaskID, c.st.Worker, in, out)
	if err != nil {
		return
	}
	var alpha, sum curve.G1Affine
	var beta, gamma curve.G2Affine
	if _, err := alpha.SetBytes(c.vk[offAlpha:]); err != nil {
		return
	}
	if _, err := beta.SetBytes(c.vk[offBeta:]); err != nil {
		return
	}
	if _, err := gamma.SetBytes(c.vk[offGamma:]); err != nil {
		return
	}
	if _, err := sum.SetBytes(c.vk[offK:]); err != nil {
		return
	}
	for i := range pub {
		var k curve.G1Affine
		if _, err := k.SetBytes(c.vk[offK+(i+1)*32:]); err != nil {
			return
		}
		k.ScalarMultiplication(&k, pub[i].BigInt(new(big.Int)))
		sum.Add(&sum, &k)
	}
	sum.Neg(&sum)
	c.vk = withG2(c.vk, offDelta, gamma)
	c.proof = proofOf(alpha, beta, sum)
}
