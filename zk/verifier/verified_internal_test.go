package verifier

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifiedCacheBounded fills a small cache past its size: it never holds more than its size,
// evicts the oldest first, and ignores a key it already holds.
func TestVerifiedCacheBounded(t *testing.T) {
	const size = 8
	c := newVerifiedCache(size)
	key := func(i int) [32]byte { return [32]byte{byte(i), byte(i >> 8)} }
	for i := range 3 * size {
		c.add(key(i))
		c.add(key(i)) // a duplicate takes no second slot
		require.LessOrEqual(t, c.len(), size)
	}
	require.Equal(t, size, c.len())
	for i := range 2 * size {
		require.False(t, c.has(key(i)), "entry %d must have been evicted", i)
	}
	for i := 2 * size; i < 3*size; i++ {
		require.True(t, c.has(key(i)), "entry %d must be held", i)
	}
}

// TestVerifiedCacheConcurrent adds and looks up from many goroutines (for -race).
func TestVerifiedCacheConcurrent(t *testing.T) {
	c := newVerifiedCache(64)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				k := [32]byte{byte(g), byte(i), byte(i >> 8)}
				c.add(k)
				c.has(k)
			}
		}()
	}
	wg.Wait()
	require.LessOrEqual(t, c.len(), 64)
}

// TestVerifiedKeyUnambiguous: moving bytes between fields, or changing any one field, changes the
// key (each field is length-prefixed).
func TestVerifiedKeyUnambiguous(t *testing.T) {
	vkHash := [32]byte{1}
	proof := []byte{1, 2, 3}
	base := Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5}, Input: []byte{6, 7}, Output: []byte{8}}
	k := verifiedKey(vkHash, proof, base)
	variants := []struct {
		vkHash [32]byte
		proof  []byte
		st     Statement
	}{
		{[32]byte{2}, proof, base},
		{vkHash, []byte{1, 2}, base},
		{vkHash, proof, Statement{ChainID: "c4", TaskID: 7, Worker: []byte{5}, Input: []byte{6, 7}, Output: []byte{8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 8, Worker: []byte{4, 5}, Input: []byte{6, 7}, Output: []byte{8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5}, Input: []byte{6}, Output: []byte{7, 8}}},
		{vkHash, proof, Statement{ChainID: "c", TaskID: 7, Worker: []byte{4, 5, 6}, Input: []byte{7}, Output: []byte{8}}},
	}
	for i, v := range variants {
		require.NotEqual(t, k, verifiedKey(v.vkHash, v.proof, v.st), "variant %d", i)
	}
	require.Equal(t, k, verifiedKey(vkHash, proof, base))
}
