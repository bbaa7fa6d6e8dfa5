package fifoset_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/internal/fifoset"
)

// TestBounded fills a small set past its size: it never holds more than its size, evicts the
// oldest first, and ignores a key it already holds.
func TestBounded(t *testing.T) {
	const size = 8
	s := fifoset.New(size)
	key := func(i int) [32]byte { return [32]byte{byte(i), byte(i >> 8)} }
	for i := range 3 * size {
		s.Add(key(i))
		s.Add(key(i)) // a duplicate takes no second slot
		require.LessOrEqual(t, s.Len(), size)
	}
	require.Equal(t, size, s.Len())
	for i := range 2 * size {
		require.False(t, s.Has(key(i)), "key %d must have been evicted", i)
	}
	for i := 2 * size; i < 3*size; i++ {
		require.True(t, s.Has(key(i)), "key %d must be held", i)
	}
}

// TestConcurrent adds and looks up from many goroutines (for -race).
func TestConcurrent(t *testing.T) {
	s := fifoset.New(64)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				k := [32]byte{byte(g), byte(i), byte(i >> 8)}
				s.Add(k)
				s.Has(k)
			}
		}()
	}
	wg.Wait()
	require.LessOrEqual(t, s.Len(), 64)
}
