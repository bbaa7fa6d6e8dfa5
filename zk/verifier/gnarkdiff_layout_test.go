package verifier_test

import (
	"encoding/binary"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
)

// field is one item of gnark's encodings as its decoder reads them.
type field int

const (
	fieldG1       field = iota // compressed (32 bytes) or, when the top bits are 00, uncompressed (64)
	fieldG2                    // 64 or 128
	fieldG1Slice               // uint32 count, then that many G1 points
	fieldU64Lists              // uint32 count, then per list a uint32 count and that many uint64
	fieldPedersen              // uint32 count, then per key two G2 points
)

// The layouts gnark's Proof.ReadFrom and VerifyingKey.ReadFrom read.
var (
	proofLayout = []field{fieldG1, fieldG2, fieldG1, fieldG1Slice, fieldG1}
	keyLayout   = []field{fieldG1, fieldG1, fieldG2, fieldG2, fieldG1, fieldG2, fieldG1Slice, fieldU64Lists, fieldPedersen}
)

// countsFit walks b as gnark's decoder would and reports whether no count promises more
// elements than the rest of b could hold. Reaching the end of b early is fine (gnark then fails
// reading, having allocated at most what b could hold).
func countsFit(b []byte, layout []field) bool {
	w := walker{b: b}
	for _, f := range layout {
		if !w.field(f) {
			return false
		}
	}
	return true
}

type walker struct {
	b   []byte
	off int
}

func (w *walker) left() int { return max(0, len(w.b)-w.off) }

func (w *walker) point(compressed int) {
	if w.off < len(w.b) && w.b[w.off]>>6 == 0 { // gnark's uncompressed flag
		w.off += 2 * compressed
		return
	}
	w.off += compressed
}

// count reads a uint32 count of elements of at least size bytes each; false if they cannot fit.
func (w *walker) count(size int) (int, bool) {
	if w.left() < 4 {
		w.off = len(w.b)
		return 0, true
	}
	n := int(binary.BigEndian.Uint32(w.b[w.off:]))
	w.off += 4
	return n, n <= w.left()/size
}

func (w *walker) field(f field) bool {
	switch f {
	case fieldG1:
		w.point(curve.SizeOfG1AffineCompressed)
	case fieldG2:
		w.point(curve.SizeOfG2AffineCompressed)
	case fieldG1Slice:
		n, ok := w.count(curve.SizeOfG1AffineCompressed)
		if !ok {
			return false
		}
		for range n {
			w.point(curve.SizeOfG1AffineCompressed)
		}
	case fieldU64Lists:
		n, ok := w.count(4)
		if !ok {
			return false
		}
		for range n {
			m, fits := w.count(8)
			if !fits {
				return false
			}
			w.off += 8 * m
		}
	case fieldPedersen:
		_, ok := w.count(2 * curve.SizeOfG2AffineCompressed)
		return ok
	}
	return true
}
