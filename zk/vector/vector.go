// Package vector is the canonical byte encoding of the integer vectors the chain stores: a task's
// input and a result's output. The chain recomputes commitments from these bytes, so the encoding
// must be unambiguous: every valid byte string decodes to exactly one vector and re-encodes to the
// same bytes.
package vector

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ElemSize is the encoded size of one element: a big-endian two's-complement int64.
const ElemSize = 8

// MaxLen caps the number of elements. It matches the widest layer an artifact may declare, so
// any vector a model can consume or produce fits, and decoding never allocates more than
// MaxLen*8 bytes.
const MaxLen = 1024

// ErrInvalid is wrapped by every decoding or schema error.
var ErrInvalid = errors.New("invalid vector")

// Encode returns the canonical encoding of v: len(v)*8 bytes, each element a big-endian
// two's-complement int64. It does not check MaxLen; Decode does.
func Encode(v []int64) []byte {
	out := make([]byte, len(v)*ElemSize)
	for i, x := range v {
		binary.BigEndian.PutUint64(out[i*ElemSize:], uint64(x)) //nolint:gosec // G115: two's complement: the encoding is the value's 64 bits
	}
	return out
}

// Decode parses a canonical Int64 encoding. It rejects an empty input, a length that is not a
// multiple of 8 and more than MaxLen elements, before allocating.
func Decode(b []byte) ([]int64, error) { return DecodeAs(b, Int64) }

// CheckSchema reports whether v has exactly length elements, each within [lo, hi]. The chain
// calls it on a task's input so it never accepts an input that no worker could prove.
func CheckSchema(v []int64, length int, lo, hi int64) error {
	if len(v) != length {
		return fmt.Errorf("%w: %d elements, want %d", ErrInvalid, len(v), length)
	}
	for i, x := range v {
		if x < lo || x > hi {
			return fmt.Errorf("%w: element %d = %d outside [%d, %d]", ErrInvalid, i, x, lo, hi)
		}
	}
	return nil
}
