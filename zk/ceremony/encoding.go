package ceremony

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
)

// encode serializes v with its WriteTo (gnark's compressed formats).
func encode(v io.WriterTo) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := v.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decode reads b into v and requires that v re-encodes to exactly b: every file has one
// encoding, so its hash identifies its content. Decoding runs under recover (gnark's readers
// assume well-formed input).
func decode(v interface {
	io.ReaderFrom
	io.WriterTo
}, b []byte,
) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r := bytes.NewReader(b)
	if _, err := v.ReadFrom(r); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if r.Len() != 0 {
		return fmt.Errorf("%w: %d trailing bytes", ErrMalformed, r.Len())
	}
	again, err := encode(v)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if !bytes.Equal(again, b) {
		return fmt.Errorf("%w: non-canonical encoding", ErrMalformed)
	}
	return nil
}

// hashOf is sha256 of v's serialization: gnark's Phase1.hash and Phase2.hash.
func hashOf(v io.WriterTo) []byte {
	h := sha256.New()
	if _, err := v.WriteTo(h); err != nil {
		panic(err) // hashing never fails to write
	}
	return h.Sum(nil)
}

// fileHash is sha256 of a file's bytes: a state's hash, a phase 1's hash.
func fileHash(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
