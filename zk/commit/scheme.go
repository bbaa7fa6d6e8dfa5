package commit

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// DenseBits is the number of low bits of a field element that dense lanes fill: 2^253 is below
// the BN254 scalar modulus (~2^253.6), so any DenseBits-bit integer is a field element as is and
// the packing stays injective.
const DenseBits = 253

// MaxDenseLaneBits is the widest dense lane: inputs lie within int32, so max - min < 2^32.
const MaxDenseLaneBits = 32

// InputScheme fixes how a task input is packed into its commitment. The zero value is the v1
// packing (Input: 32-bit lanes v + 2^31, 7 per element, TagInput), which every hyra-qnn/v1
// model keeps byte for byte (registered v1 keys depend on it). A non-zero LaneBits is the dense
// packing of hyra-qnn/v2 models (DenseScheme): each value becomes the lane v - Min of LaneBits
// bits, DenseBits/LaneBits lanes per element, so 784 pixels in 0..255 take 26 elements instead
// of 112. The circuit range-checks every input to exactly these bits, so the packing is
// injective over the inputs the model accepts.
type InputScheme struct {
	LaneBits uint32
	Min      int64
}

// DenseScheme is the dense packing for inputs in [lo, hi]: lanes of bitlen(hi - lo) bits (at
// least 1), offset by lo.
func DenseScheme(lo, hi int64) InputScheme {
	w := max(1, bits.Len64(uint64(hi-lo)))           //nolint:gosec // G115: hi >= lo, and the width is at most 64
	return InputScheme{LaneBits: uint32(w), Min: lo} //nolint:gosec // G115: hi >= lo, and the width is at most 64
}

// Dense reports whether s is a dense packing (not the v1 one).
func (s InputScheme) Dense() bool { return s.LaneBits != 0 }

// LanesPerElement is the number of lanes a packed field element holds under s.
func (s InputScheme) LanesPerElement() int {
	if !s.Dense() {
		return LanesPerElement
	}
	return DenseBits / int(s.LaneBits)
}

// Tag is the domain tag of the input commitment under s. A dense tag names the lane width, so
// the same values committed at two widths never share a header.
func (s InputScheme) Tag() string {
	if !s.Dense() {
		return TagInput
	}
	return fmt.Sprintf("hyra/qnn/v2/input/w%d", s.LaneBits)
}

// Validate rejects lane widths outside [0, MaxDenseLaneBits].
func (s InputScheme) Validate() error {
	if s.LaneBits > MaxDenseLaneBits {
		return fmt.Errorf("%w: lane width %d above %d bits", ErrValue, s.LaneBits, MaxDenseLaneBits)
	}
	return nil
}

// Commit commits to the input vector v under s: Input(v) for the v1 packing, else
// Hash(Header(s.Tag(), len(v)), dense lanes...).
func (s InputScheme) Commit(v []int64) (fr.Element, error) {
	if !s.Dense() {
		return Input(v)
	}
	packed, err := s.pack(v)
	if err != nil {
		return fr.Element{}, err
	}
	return Hash(append([]fr.Element{Header(s.Tag(), len(v))}, packed...)...), nil
}

// pack is the dense packing: lane j of element i, v[i*L+j] - Min, at bits [j*w, j*w+w).
func (s InputScheme) pack(v []int64) ([]fr.Element, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(v) == 0 || len(v) > MaxLen {
		return nil, fmt.Errorf("%w: length %d outside [1, %d]", ErrValue, len(v), MaxLen)
	}
	w, per := uint(s.LaneBits), s.LanesPerElement()
	out := make([]fr.Element, (len(v)+per-1)/per)
	var acc, lane big.Int
	for i := range out {
		acc.SetUint64(0)
		for j := per - 1; j >= 0; j-- {
			acc.Lsh(&acc, w)
			k := i*per + j
			if k >= len(v) {
				continue
			}
			d := v[k] - s.Min
			if v[k] < s.Min || d < 0 || uint64(d)>>w != 0 {
				return nil, fmt.Errorf("%w: element %d = %d outside the %d-bit lanes from %d", ErrValue, k, v[k], w, s.Min)
			}
			lane.SetUint64(uint64(d))
			acc.Or(&acc, &lane)
		}
		out[i].SetBigInt(&acc)
	}
	return out, nil
}
