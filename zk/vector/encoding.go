package vector

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Encoding is how a vector's elements are laid out in bytes. Its values are those of the
// chain's VectorEncoding enum (proto/hyra/taskpool/v1/types.proto), so a task's input_encoding
// converts to it directly. Every encoding is fixed-width and big-endian, so each valid byte
// string decodes to exactly one vector and re-encodes to the same bytes; commitments and proofs
// are over the decoded integers, so the encoding changes nothing in a circuit.
type Encoding int32

const (
	// Int64 is 8 bytes per element, big-endian two's complement: Encode and Decode.
	Int64 Encoding = 0
	// Uint8 is 1 byte per element, 0..255: an image's pixels cost a byte each.
	Uint8 Encoding = 1
	// Int16 is 2 bytes per element, big-endian two's complement, -32768..32767.
	Int16 Encoding = 2
)

// String names e as the chain's enum does.
func (e Encoding) String() string {
	switch e {
	case Int64:
		return "INT64"
	case Uint8:
		return "UINT8"
	case Int16:
		return "INT16"
	}
	return fmt.Sprintf("unknown encoding %d", int32(e))
}

// Width is the encoded size of one element, or 0 for an unknown encoding.
func (e Encoding) Width() int {
	switch e {
	case Int64:
		return ElemSize
	case Uint8:
		return 1
	case Int16:
		return 2
	}
	return 0
}

// CheckKnown refuses an encoding this version does not know: the chain must not store an input
// that no worker can decode.
func (e Encoding) CheckKnown() error {
	if e.Width() == 0 {
		return fmt.Errorf("%w: %s (known: INT64 = 0, UINT8 = 1, INT16 = 2)", ErrInvalid, e)
	}
	return nil
}

// Holds reports whether x fits in one element of e.
func (e Encoding) Holds(x int64) bool {
	switch e {
	case Int64:
		return true
	case Uint8:
		return 0 <= x && x <= math.MaxUint8
	case Int16:
		return math.MinInt16 <= x && x <= math.MaxInt16
	}
	return false
}

// Compact returns the narrowest encoding that holds every element of v: Uint8 if all are in
// 0..255, else Int16 if all fit, else Int64. Clients send Compact(v) by default.
func Compact(v []int64) Encoding {
	for _, e := range []Encoding{Uint8, Int16} {
		if holdsAll(e, v) {
			return e
		}
	}
	return Int64
}

func holdsAll(e Encoding, v []int64) bool {
	for _, x := range v {
		if !e.Holds(x) {
			return false
		}
	}
	return true
}

// EncodeAs returns the canonical encoding of v under e: len(v)*e.Width() bytes. It refuses an
// unknown encoding and an element that does not fit, naming it (counting from 0, as CheckSchema
// does). Like Encode it does not check MaxLen; DecodeAs does.
func EncodeAs(v []int64, e Encoding) ([]byte, error) {
	if err := e.CheckKnown(); err != nil {
		return nil, err
	}
	for i, x := range v {
		if !e.Holds(x) {
			return nil, fmt.Errorf("%w: element %d = %d does not fit in %s", ErrInvalid, i, x, e)
		}
	}
	return put(v, e), nil
}

// EncodeCompact encodes v in Compact(v): what clients send by default.
func EncodeCompact(v []int64) ([]byte, Encoding) {
	e := Compact(v)
	return put(v, e), e
}

// put encodes v under a known encoding that holds every element.
func put(v []int64, e Encoding) []byte {
	if e == Int64 {
		return Encode(v)
	}
	w := e.Width()
	out := make([]byte, len(v)*w)
	for i, x := range v {
		if e == Uint8 {
			out[i] = byte(x) //nolint:gosec // G115: e holds every element (put's contract)
		} else {
			binary.BigEndian.PutUint16(out[i*w:], uint16(int16(x))) //nolint:gosec // G115: e holds every element (put's contract)
		}
	}
	return out
}

// CheckEncodedLen checks that n bytes can be a vector under e: a known encoding, not empty, a
// multiple of the element width, at most MaxLen elements. DecodeAs runs it before allocating;
// a message's ValidateBasic runs it before the message reaches a block.
func CheckEncodedLen(n int, e Encoding) error {
	if err := e.CheckKnown(); err != nil {
		return err
	}
	w := e.Width()
	if n == 0 {
		return fmt.Errorf("%w: empty", ErrInvalid)
	}
	if n%w != 0 {
		return fmt.Errorf("%w: length %d is not a multiple of %d (%s)", ErrInvalid, n, w, e)
	}
	if n/w > MaxLen {
		return fmt.Errorf("%w: %d elements, max %d", ErrInvalid, n/w, MaxLen)
	}
	return nil
}

// DecodeAs parses a canonical encoding under e. It checks the length (CheckEncodedLen) before
// allocating; every byte string of a valid length is canonical.
func DecodeAs(b []byte, e Encoding) ([]int64, error) {
	if err := CheckEncodedLen(len(b), e); err != nil {
		return nil, err
	}
	w := e.Width()
	v := make([]int64, len(b)/w)
	for i := range v {
		switch e {
		case Int64:
			v[i] = int64(binary.BigEndian.Uint64(b[i*w:])) //nolint:gosec // G115: two's complement: the encoding is the value's 64 bits
		case Uint8:
			v[i] = int64(b[i])
		case Int16:
			v[i] = int64(int16(binary.BigEndian.Uint16(b[i*w:]))) //nolint:gosec // G115: two's complement: the encoding is the value's 16 bits
		}
	}
	return v, nil
}
