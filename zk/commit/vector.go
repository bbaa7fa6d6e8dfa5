package commit

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Domain tags. Each commitment starts with a header element tag<<32 | n, where tag is the
// big-endian integer of the ASCII string, so an input commitment can never equal an output
// commitment or a binding, and vectors of different lengths never share a preimage.
const (
	TagInput   = "hyra/qnn/v1/input"
	TagOutput  = "hyra/qnn/v1/output"
	TagBinding = "hyra/qnn/v1/binding"
)

// Packing: each value v in [MinValue, MaxValue] becomes the 32-bit lane v + 2^31 (offset
// binary), and LanesPerElement lanes share one field element, lane j at bits [32j, 32j+32).
// Packing seven values per element cuts the hashing cost, which dominates the circuit, by 7x;
// the map from values to lanes is linear, so packing costs no constraints in the circuit.
const (
	LaneBits        = 32
	LanesPerElement = 7
	MinValue        = -(1 << (LaneBits - 1))
	MaxValue        = 1<<(LaneBits-1) - 1
	// MaxLen caps committed vectors (the same cap as zk/vector).
	MaxLen = 1024
)

// ErrValue is wrapped when a vector cannot be committed: too long or a value outside the lanes.
var ErrValue = errors.New("value cannot be committed")

// Header returns the first hashed element of a commitment: tag<<32 | n.
func Header(tag string, n int) fr.Element {
	var h big.Int
	h.SetBytes([]byte(tag))
	h.Lsh(&h, 32)
	h.Or(&h, big.NewInt(int64(uint32(n)))) //nolint:gosec // G115: a vector length, far below 2^32
	var e fr.Element
	e.SetBigInt(&h)
	return e
}

// Pack returns the packed field elements of v (ceil(len(v)/7) of them).
func Pack(v []int64) ([]fr.Element, error) {
	if len(v) == 0 || len(v) > MaxLen {
		return nil, fmt.Errorf("%w: length %d outside [1, %d]", ErrValue, len(v), MaxLen)
	}
	out := make([]fr.Element, (len(v)+LanesPerElement-1)/LanesPerElement)
	var acc, lane big.Int
	for i := range out {
		acc.SetUint64(0)
		for j := LanesPerElement - 1; j >= 0; j-- {
			acc.Lsh(&acc, LaneBits)
			k := i*LanesPerElement + j
			if k >= len(v) {
				continue
			}
			if v[k] < MinValue || v[k] > MaxValue {
				return nil, fmt.Errorf("%w: element %d = %d outside [%d, %d]", ErrValue, k, v[k], MinValue, MaxValue)
			}
			lane.SetInt64(v[k] - MinValue)
			acc.Or(&acc, &lane)
		}
		out[i].SetBigInt(&acc)
	}
	return out, nil
}

// Vector commits to v under tag: Hash(Header(tag, len(v)), Pack(v)...).
func Vector(tag string, v []int64) (fr.Element, error) {
	packed, err := Pack(v)
	if err != nil {
		return fr.Element{}, err
	}
	return Hash(append([]fr.Element{Header(tag, len(v))}, packed...)...), nil
}

// Input commits to a task input vector.
func Input(v []int64) (fr.Element, error) { return Vector(TagInput, v) }

// Output commits to a result output vector.
func Output(v []int64) (fr.Element, error) { return Vector(TagOutput, v) }
