package verifier

import (
	"crypto/sha256"
	"sync"
)

// cacheSize bounds the decoded keys kept in memory (a few KB each, mostly precomputed lines).
// A chain has few registered models; when full, the oldest entry is evicted.
const cacheSize = 128

var keys = struct {
	sync.Mutex
	m     map[[32]byte]*verifyingKey
	order [][32]byte
}{m: make(map[[32]byte]*verifyingKey)}

// cachedKey returns the decoded key for vk, decoding it at most once while it stays cached.
// Failed decodings are not cached. Decoding happens outside the lock.
func cachedKey(vk []byte) (*verifyingKey, error) {
	id := sha256.Sum256(vk)
	keys.Lock()
	k, ok := keys.m[id]
	keys.Unlock()
	if ok {
		return k, nil
	}
	k, err := decodeVerifyingKey(vk)
	if err != nil {
		return nil, err
	}
	keys.Lock()
	defer keys.Unlock()
	if prev, ok := keys.m[id]; ok {
		return prev, nil
	}
	if len(keys.order) >= cacheSize {
		delete(keys.m, keys.order[0])
		keys.order = keys.order[1:]
	}
	keys.m[id] = k
	keys.order = append(keys.order, id)
	return k, nil
}
