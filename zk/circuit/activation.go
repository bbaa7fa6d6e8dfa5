package circuit

import (
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/artifact"
)

// activate computes relu?(floor(acc / 2^k)) for an accumulator known to lie in iv, with plain
// bit decompositions (no std/rangecheck, whose commitment would add a pairing to every
// verification). The signed case decomposes u = acc + 2^P into P+1 bits with 2^P >= |iv|: that
// both range-checks acc and yields floor(acc/2^k) + 2^(P-k) as the bits from k up, and its top
// bit is the sign. The decomposition is unique because 2^(P+1) <= 2^63 is far below the field
// modulus, so a prover cannot pick a wrapped remainder.
func activate(api frontend.API, acc frontend.Variable, iv artifact.Interval, k uint, relu bool) frontend.Variable {
	switch {
	case !relu && k == 0:
		return acc
	case relu && iv.Hi < 0:
		return 0
	case iv.Lo >= 0:
		if k == 0 {
			return acc // ReLU of a non-negative value
		}
		n := uint(bits.Len64(uint64(iv.Hi))) //nolint:gosec // G115: Hi >= Lo >= 0 in this case
		if n <= k {
			return 0 // acc < 2^k, so the floor is zero
		}
		b := api.ToBinary(acc, int(n))
		return api.FromBinary(b[k:]...)
	}
	p := max(k, ceilLog2(uint64(-iv.Lo)), ceilLog2(uint64(iv.Hi)+1)) //nolint:gosec // G115: Lo < 0 in this case; Hi >= Lo
	b := api.ToBinary(api.Add(acc, pow2(p)), int(p+1))
	if !relu {
		return api.Sub(api.FromBinary(b[k:]...), pow2(p-k))
	}
	if p == k {
		return 0 // floor(acc / 2^k) is -1 or 0
	}
	return api.Mul(b[p], api.FromBinary(b[k:p]...))
}

// ceilLog2 returns the smallest e with 2^e >= x (0 for x <= 1).
func ceilLog2(x uint64) uint {
	if x <= 1 {
		return 0
	}
	return uint(bits.Len64(x - 1))
}

func pow2(e uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), e) }
