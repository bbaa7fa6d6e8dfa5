package verifier

import (
	"crypto/sha256"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCacheBounded fills the cache past its size: it never holds more than cacheSize keys and
// evicts the oldest first.
func TestCacheBounded(t *testing.T) {
	vk, err := os.ReadFile("testdata/iris_verifying.key")
	require.NoError(t, err)
	k, err := newKeyCache().key(sha256.Sum256(vk), vk)
	require.NoError(t, err)
	c := newKeyCache()
	for i := 0; i < 2*cacheSize; i++ {
		c.put([32]byte{byte(i), byte(i >> 8)}, k)
		require.LessOrEqual(t, len(c.m), cacheSize)
	}
	require.Len(t, c.order, cacheSize)
	_, ok := c.get([32]byte{0, 0})
	require.False(t, ok, "oldest entry must be evicted")
	_, ok = c.get([32]byte{byte(2*cacheSize - 1), byte((2*cacheSize - 1) >> 8)})
	require.True(t, ok)
}
