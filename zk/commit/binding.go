package commit

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Byte strings are hashed as their length followed by 31-byte big-endian chunks (the last one
// possibly shorter), so every chunk is below the field modulus and the encoding is injective.
const chunkSize = 31

// MaxChainIDLen and MaxWorkerLen cap the byte strings folded into a binding. Cosmos chain ids are
// at most 48 bytes and account addresses 20 or 32 bytes.
const (
	MaxChainIDLen = 128
	MaxWorkerLen  = 64
)

// Binding folds what a proof is bound to into one public input:
// Hash(Header(TagBinding, 0), bytes(chainID), taskID, bytes(worker)), where bytes(s) is
// len(s) followed by its chunks. A proof copied from the mempool, or replayed for another task,
// worker or chain, is checked against a different binding and fails.
func Binding(chainID string, taskID uint64, worker []byte) (fr.Element, error) {
	if len(chainID) == 0 || len(chainID) > MaxChainIDLen {
		return fr.Element{}, fmt.Errorf("%w: chain id length %d outside [1, %d]", ErrValue, len(chainID), MaxChainIDLen)
	}
	if len(worker) == 0 || len(worker) > MaxWorkerLen {
		return fr.Element{}, fmt.Errorf("%w: worker length %d outside [1, %d]", ErrValue, len(worker), MaxWorkerLen)
	}
	elems := []fr.Element{Header(TagBinding, 0)}
	elems = appendBytes(elems, []byte(chainID))
	var id fr.Element
	id.SetUint64(taskID)
	elems = append(elems, id)
	elems = appendBytes(elems, worker)
	return Hash(elems...), nil
}

func appendBytes(elems []fr.Element, b []byte) []fr.Element {
	var e fr.Element
	e.SetUint64(uint64(len(b)))
	elems = append(elems, e)
	for len(b) > 0 {
		n := min(chunkSize, len(b))
		var c fr.Element
		c.SetBytes(b[:n])
		elems = append(elems, c)
		b = b[n:]
	}
	return elems
}
