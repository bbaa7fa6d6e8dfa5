package vector_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/vector"
)

func TestRoundTrip(t *testing.T) {
	v := []int64{0, 1, -1, 16, math.MaxInt64, math.MinInt64}
	b := vector.Encode(v)
	require.Len(t, b, len(v)*vector.ElemSize)
	require.Equal(t, []byte{0, 0, 0, 0, 0, 0, 0, 1}, b[8:16])
	require.Equal(t, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, b[16:24])
	got, err := vector.Decode(b)
	require.NoError(t, err)
	require.Equal(t, v, got)
}

func TestDecodeErrors(t *testing.T) {
	for name, b := range map[string][]byte{
		"error - nil":      nil,
		"error - empty":    {},
		"error - short":    {1, 2, 3},
		"error - ragged":   make([]byte, 17),
		"error - too many": make([]byte, (vector.MaxLen+1)*vector.ElemSize),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := vector.Decode(b)
			require.ErrorIs(t, err, vector.ErrInvalid)
		})
	}
}

func TestCheckSchema(t *testing.T) {
	require.NoError(t, vector.CheckSchema([]int64{0, 16, 5}, 3, 0, 16))
	require.ErrorIs(t, vector.CheckSchema([]int64{0, 17, 5}, 3, 0, 16), vector.ErrInvalid)
	require.ErrorIs(t, vector.CheckSchema([]int64{-1}, 1, 0, 16), vector.ErrInvalid)
	require.ErrorIs(t, vector.CheckSchema([]int64{1, 2}, 3, 0, 16), vector.ErrInvalid)
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte{})
	f.Add(vector.Encode([]int64{1, -2, 3}))
	f.Add(make([]byte, 9))
	f.Add(bytes.Repeat([]byte{0xff}, 64*8))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := vector.Decode(b)
		if err != nil {
			if !errors.Is(err, vector.ErrInvalid) {
				t.Fatalf("unwrapped error %v", err)
			}
			return
		}
		if !bytes.Equal(vector.Encode(v), b) {
			t.Fatal("re-encoding differs")
		}
	})
}

// FuzzCheckSchema decodes arbitrary bytes and checks them against an
// arbitrary schema: it accepts exactly the vectors of the schema's length
// with every value in range, and every refusal wraps ErrInvalid.
func FuzzCheckSchema(f *testing.F) {
	f.Add(vector.Encode([]int64{51, 35, 14, 2}), 4, int64(0), int64(127))
	f.Add(vector.Encode([]int64{51, 35, 14, 128}), 4, int64(0), int64(127))
	f.Add(vector.Encode([]int64{-1}), 1, int64(0), int64(16))
	f.Add(vector.Encode([]int64{math.MinInt64, math.MaxInt64}), 2, int64(math.MinInt64), int64(math.MaxInt64))
	f.Add(vector.Encode([]int64{5, 5}), 3, int64(5), int64(5))
	f.Add([]byte{}, 0, int64(1), int64(0))
	f.Fuzz(func(t *testing.T, b []byte, length int, lo, hi int64) {
		v, err := vector.Decode(b)
		if err != nil {
			return
		}
		want := len(v) == length
		for _, x := range v {
			want = want && lo <= x && x <= hi
		}
		err = vector.CheckSchema(v, length, lo, hi)
		if (err == nil) != want {
			t.Fatalf("CheckSchema(%v, %d, %d, %d) = %v, want ok=%t", v, length, lo, hi, err, want)
		}
		if err != nil && !errors.Is(err, vector.ErrInvalid) {
			t.Fatalf("unwrapped error %v", err)
		}
	})
}
