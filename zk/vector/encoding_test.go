package vector_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/vector"
)

func TestEncodeAsLayout(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    []int64
		e    vector.Encoding
		want []byte
	}{
		{name: "success - uint8", v: []int64{0, 1, 255}, e: vector.Uint8, want: []byte{0, 1, 255}},
		{name: "success - int16", v: []int64{-1, 256, math.MinInt16, math.MaxInt16}, e: vector.Int16, want: []byte{0xff, 0xff, 1, 0, 0x80, 0, 0x7f, 0xff}},
		{name: "success - int64 is Encode", v: []int64{-1, 2}, e: vector.Int64, want: vector.Encode([]int64{-1, 2})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := vector.EncodeAs(tc.v, tc.e)
			require.NoError(t, err)
			require.Equal(t, tc.want, b)
			got, err := vector.DecodeAs(b, tc.e)
			require.NoError(t, err)
			require.Equal(t, tc.v, got)
		})
	}
}

func TestEncodeAsRefusesWhatDoesNotFit(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    []int64
		e    vector.Encoding
		want string
	}{
		{name: "error - uint8 above", v: []int64{0, 256}, e: vector.Uint8, want: "element 1 = 256 does not fit in UINT8"},
		{name: "error - uint8 negative", v: []int64{-1}, e: vector.Uint8, want: "element 0 = -1 does not fit in UINT8"},
		{name: "error - int16 above", v: []int64{math.MaxInt16 + 1}, e: vector.Int16, want: "32768 does not fit in INT16"},
		{name: "error - int16 below", v: []int64{math.MinInt16 - 1}, e: vector.Int16, want: "-32769 does not fit in INT16"},
		{name: "error - unknown encoding", v: []int64{1}, e: 3, want: "unknown encoding 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := vector.EncodeAs(tc.v, tc.e)
			require.ErrorContains(t, err, tc.want)
			require.ErrorIs(t, err, vector.ErrInvalid)
		})
	}
}

func TestDecodeAsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		e    vector.Encoding
		want string
	}{
		{name: "error - empty uint8", b: nil, e: vector.Uint8, want: "empty"},
		{name: "error - ragged int16", b: []byte{1, 2, 3}, e: vector.Int16, want: "length 3 is not a multiple of 2 (INT16)"},
		{name: "error - too many uint8", b: make([]byte, vector.MaxLen+1), e: vector.Uint8, want: "1025 elements, max 1024"},
		{name: "error - too many int16", b: make([]byte, 2*(vector.MaxLen+1)), e: vector.Int16, want: "1025 elements, max 1024"},
		{name: "error - unknown encoding", b: []byte{1}, e: -1, want: "unknown encoding -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := vector.DecodeAs(tc.b, tc.e)
			require.ErrorContains(t, err, tc.want)
			require.ErrorIs(t, err, vector.ErrInvalid)
		})
	}
}

func TestCompact(t *testing.T) {
	require.Equal(t, vector.Uint8, vector.Compact([]int64{0, 255, 17}))
	require.Equal(t, vector.Int16, vector.Compact([]int64{0, 256}))
	require.Equal(t, vector.Int16, vector.Compact([]int64{-1, 5}))
	require.Equal(t, vector.Int16, vector.Compact([]int64{math.MinInt16, math.MaxInt16}))
	require.Equal(t, vector.Int64, vector.Compact([]int64{math.MaxInt16 + 1}))
	require.Equal(t, vector.Int64, vector.Compact([]int64{math.MinInt64}))
	// A 784-pixel image costs 784 bytes instead of 6,272.
	b, e := vector.EncodeCompact(make([]int64, 784))
	require.Equal(t, vector.Uint8, e)
	require.Len(t, b, 784)
}

// FuzzEncoding checks every encoding on arbitrary bytes: a decoded vector re-encodes to the
// same bytes (one encoding per vector), Compact of it is never wider and round-trips, and every
// refusal wraps ErrInvalid and is decided by the length alone, before allocating.
func FuzzEncoding(f *testing.F) {
	f.Add([]byte{}, int32(1))
	f.Add([]byte{1, 2, 3}, int32(2))
	f.Add(vector.Encode([]int64{1, -2, 300}), int32(0))
	f.Add(bytes.Repeat([]byte{0xff}, vector.MaxLen+1), int32(1))
	f.Add([]byte{0x80, 0}, int32(2))
	f.Add([]byte{7}, int32(9))
	f.Fuzz(func(t *testing.T, b []byte, code int32) {
		e := vector.Encoding(code)
		v, err := vector.DecodeAs(b, e)
		lenErr := vector.CheckEncodedLen(len(b), e)
		if (err == nil) != (lenErr == nil) {
			t.Fatalf("DecodeAs = %v but CheckEncodedLen = %v", err, lenErr)
		}
		if err != nil {
			if !errors.Is(err, vector.ErrInvalid) {
				t.Fatalf("unwrapped error %v", err)
			}
			return
		}
		again, err := vector.EncodeAs(v, e)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("re-encoding under %s: %x, %v; want %x", e, again, err, b)
		}
		c := vector.Compact(v)
		if c.Width() > e.Width() {
			t.Fatalf("Compact chose %s, wider than %s", c, e)
		}
		cb, err := vector.EncodeAs(v, c)
		if err != nil {
			t.Fatalf("Compact chose %s, which does not hold the vector: %v", c, err)
		}
		if eb, ec := vector.EncodeCompact(v); ec != c || !bytes.Equal(eb, cb) {
			t.Fatalf("EncodeCompact = %x under %s, want %x under %s", eb, ec, cb, c)
		}
		back, err := vector.DecodeAs(cb, c)
		if err != nil || len(back) != len(v) {
			t.Fatalf("compact round trip: %v", err)
		}
		for i := range v {
			if back[i] != v[i] {
				t.Fatalf("compact round trip changed element %d: %d -> %d", i, v[i], back[i])
			}
		}
	})
}
