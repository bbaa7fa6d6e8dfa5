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
