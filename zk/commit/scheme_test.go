package commit_test

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
)

// TestV1SchemeIsInput: the zero scheme is the v1 packing, byte for byte (registered v1 keys
// depend on it).
func TestV1SchemeIsInput(t *testing.T) {
	v := []int64{0, 16, 3, commit.MinValue, commit.MaxValue, 7, 7, 1}
	want, err := commit.Input(v)
	require.NoError(t, err)
	got, err := commit.InputScheme{}.Commit(v)
	require.NoError(t, err)
	require.Equal(t, want, got)
	require.Equal(t, commit.TagInput, commit.InputScheme{}.Tag())
}

// TestDenseLayout: 8-bit lanes, 31 per element, lane j at bits [8j, 8j+8) of v - min, and the
// header names the width; 784 pixels make 26 elements.
func TestDenseLayout(t *testing.T) {
	s := commit.DenseScheme(0, 255)
	require.Equal(t, commit.InputScheme{LaneBits: 8, Min: 0}, s)
	require.Equal(t, 31, s.LanesPerElement())
	require.Equal(t, "hyra/qnn/v2/input/w8", s.Tag())

	v := make([]int64, 32)
	v[0], v[1], v[30], v[31] = 1, 255, 2, 9
	got, err := s.Commit(v)
	require.NoError(t, err)
	var e0, e1 fr.Element
	b := make([]byte, 32)
	b[31], b[30], b[1] = 1, 255, 2 // lane 0 lowest, lane 30 at bits [240, 248)
	e0.SetBytes(b)
	e1.SetUint64(9)
	require.Equal(t, commit.Hash(commit.Header(s.Tag(), 32), e0, e1), got)

	neg := commit.DenseScheme(-3, 4) // 3-bit lanes of v + 3
	require.Equal(t, commit.InputScheme{LaneBits: 3, Min: -3}, neg)
	got, err = neg.Commit([]int64{-3, 4, 0})
	require.NoError(t, err)
	var packed fr.Element
	packed.SetUint64(0 | 7<<3 | 3<<6)
	require.Equal(t, commit.Hash(commit.Header("hyra/qnn/v2/input/w3", 3), packed), got)

	require.Equal(t, uint32(1), commit.DenseScheme(5, 5).LaneBits)
	require.Equal(t, uint32(32), commit.DenseScheme(commit.MinValue, commit.MaxValue).LaneBits)
}

// TestDenseRefusesValuesOutsideItsLanes: a value below min or wider than the lane cannot be
// committed (it would spill into the next lane), nor can empty or over-long vectors or a lane
// wider than 32 bits.
func TestDenseRefusesValuesOutsideItsLanes(t *testing.T) {
	s := commit.DenseScheme(0, 255)
	for _, v := range [][]int64{{256}, {-1}, {1 << 62}, {-1 << 63}, nil, make([]int64, commit.MaxLen+1)} {
		_, err := s.Commit(v)
		require.ErrorIs(t, err, commit.ErrValue, "%v", v)
	}
	_, err := commit.DenseScheme(10, 11).Commit([]int64{9})
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.InputScheme{LaneBits: 33}.Commit([]int64{1})
	require.ErrorIs(t, err, commit.ErrValue)
	require.ErrorIs(t, commit.InputScheme{LaneBits: 33}.Validate(), commit.ErrValue)
}
