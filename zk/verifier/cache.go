package verifier

import (
	"sync"
)

// cacheSize bounds the decoded keys kept in memory (about 35 KB each, mostly precomputed
// Miller-loop lines). A chain has few registered models; when full, the oldest entry goes.
const cacheSize = 128

// keyCache maps sha256(vk bytes) to the decoded key. It is safe for concurrent use.
type keyCache struct {
	mu    sync.Mutex
	m     map[[32]byte]*verifyingKey
	order [][32]byte // insertion order, for eviction
}

func newKeyCache() *keyCache { return &keyCache{m: make(map[[32]byte]*verifyingKey)} }

func (c *keyCache) get(id [32]byte) (*verifyingKey, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.m[id]
	return k, ok
}

// put stores k unless another goroutine stored the same key first, and returns the stored one.
func (c *keyCache) put(id [32]byte, k *verifyingKey) *verifyingKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.m[id]; ok {
		return prev
	}
	if len(c.order) >= cacheSize {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[id] = k
	c.order = append(c.order, id)
	return k
}

// key returns the decoded key for vk, whose sha256 is id, decoding it at most once while it
// stays cached. Failed decodings are not cached; decoding runs outside the lock.
func (c *keyCache) key(id [32]byte, vk []byte) (*verifyingKey, error) {
	if k, ok := c.get(id); ok {
		return k, nil
	}
	k, err := decodeVerifyingKey(vk)
	if err != nil {
		return nil, err
	}
	return c.put(id, k), nil
}
