package verifier

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifiedCacheCounts: has counts hits and misses (bounds and eviction are internal/fifoset's,
// tested there).
func TestVerifiedCacheCounts(t *testing.T) {
	c := newVerifiedCache(8)
	k := [32]byte{1}
	require.False(t, c.has(k))
	c.Add(k)
	require.True(t, c.has(k))
	require.Equal(t, uint64(1), c.hits.Load())
	require.Equal(t, uint64(1), c.misses.Load())
}

// TestVerifiedKeyUnambiguous: moving bytes between fields, or changing any one field, changes the
// key (each field is length-prefixed).
func TestVerifiedKeyUnambiguous(t *testing.T) {
	vkHash := [32]byte{1}
	proof := []byte{1, 2, 3}
	base := Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5}, InputCommitment: []byte{6, 7}, Output: []byte{8}}
	k := verifiedKey(vkHash, proof, base)
	variants := []struct {
		vkHash [32]byte
		proof  []byte
		st     Statement
	}{
		{[32]byte{2}, proof, base},
		{vkHash, []byte{1, 2}, base},
		{vkHash, proof, Statement{ChainID: "c4", TaskID: 7, Worker: []byte{5}, InputCommitment: []byte{6, 7}, Output: []byte{8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 8, Worker: []byte{4, 5}, InputCommitment: []byte{6, 7}, Output: []byte{8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5}, InputCommitment: []byte{6}, Output: []byte{7, 8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5, 6}, InputCommitment: []byte{7}, Output: []byte{8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5}, InputCommitment: []byte{6, 7}, Output: []byte{8}, Sealed: true}},
	}
	for i, v := range variants {
		require.NotEqual(t, k, verifiedKey(v.vkHash, v.proof, v.st), "variant %d", i)
	}
	require.Equal(t, k, verifiedKey(vkHash, proof, base))
}
