package commit_test

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
)

func TestBindingSeparatesEveryField(t *testing.T) {
	w := make([]byte, 20)
	base, err := commit.Binding("hyra-1", 1, w)
	require.NoError(t, err)
	w2 := append([]byte(nil), w...)
	w2[19] = 1
	variants := []struct {
		chain  string
		task   uint64
		worker []byte
	}{
		{"hyra-2", 1, w}, {"hyra-1", 2, w}, {"hyra-1", 1, w2}, {"hyra-1", 1, w[:19]}, {"hyra-1", 1, append(w, 0)},
	}
	seen := map[fr.Element]bool{base: true}
	for _, v := range variants {
		b, err := commit.Binding(v.chain, v.task, v.worker)
		require.NoError(t, err)
		require.False(t, seen[b], "%+v collides", v)
		seen[b] = true
	}
}

func TestBindingErrors(t *testing.T) {
	_, err := commit.Binding("", 1, []byte{1})
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.Binding("c", 1, nil)
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.Binding(string(make([]byte, commit.MaxChainIDLen+1)), 1, []byte{1})
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.Binding("c", 1, make([]byte, commit.MaxWorkerLen+1))
	require.ErrorIs(t, err, commit.ErrValue)
}

func TestVectorCommitments(t *testing.T) {
	in, err := commit.Input([]int64{1, 2, 3})
	require.NoError(t, err)
	out, err := commit.Output([]int64{1, 2, 3})
	require.NoError(t, err)
	require.NotEqual(t, in, out, "domain separation")
	longer, err := commit.Input([]int64{1, 2, 3, commit.MinValue})
	require.NoError(t, err)
	require.NotEqual(t, in, longer, "a lane of zero bits (MinValue) must not look like padding")

	for _, v := range [][]int64{nil, {commit.MaxValue + 1}, {commit.MinValue - 1}, make([]int64, commit.MaxLen+1)} {
		_, err := commit.Input(v)
		require.ErrorIs(t, err, commit.ErrValue)
	}
}

func TestPackLayout(t *testing.T) {
	p, err := commit.Pack([]int64{commit.MinValue, 0, -1, 5, 6, 7, 8, 9})
	require.NoError(t, err)
	require.Len(t, p, 2)
	// Lane 0 of element 0 is MinValue+2^31 = 0, lane 1 is 2^31, lane 2 is 2^31-1.
	var last fr.Element
	last.SetUint64(9 + 1<<31)
	require.Equal(t, last, p[1])
	b := p[0].Bytes() // big-endian: lane 0 in the last 4 bytes
	require.Equal(t, []byte{0, 0, 0, 0}, b[28:32])
	require.Equal(t, []byte{0x80, 0, 0, 0}, b[24:28])
	require.Equal(t, []byte{0x7f, 0xff, 0xff, 0xff}, b[20:24])
}
