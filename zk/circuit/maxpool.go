package circuit

import (
	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/artifact"
)

// maxPool takes the max of every window with k*k-1 pairwise comparisons. Measured against a
// hinted max (range checks of max - x_i for every i and a product-zero check), pairwise costs
// fewer constraints for every window of two or more values: see TestMaxGadgetCosts and
// zk/README.md.
func maxPool(api frontend.API, op *artifact.Op, t tensor) tensor {
	n := op.OutShape.Size()
	out := tensor{make([]frontend.Variable, n), make([]artifact.Interval, n)}
	var win []int
	for j := range out.v {
		win = op.Window(j, win[:0])
		m, iv := t.v[win[0]], t.iv[win[0]]
		for _, x := range win[1:] {
			m, iv = max2(api, m, iv, t.v[x], t.iv[x])
		}
		out.v[j], out.iv[j] = m, iv
	}
	return out
}

// max2 returns max(a, b) for a in ia and b in ib. When the ranges decide it, no constraint;
// otherwise d = a - b lies in [lo, hi] with lo < 0 <= hi, and one decomposition of d + 2^P into
// P+1 bits, 2^P >= max(-lo, hi+1), range-checks d and gives its sign as bit P (d >= 0); then
// max = b + sign * d (one multiplication). The decomposition is unique: 2^(P+1) <= 2^64 is far
// below the field modulus.
func max2(api frontend.API, a frontend.Variable, ia artifact.Interval, b frontend.Variable, ib artifact.Interval) (frontend.Variable, artifact.Interval) {
	iv := ia.Max(ib)
	switch {
	case ia.Lo >= ib.Hi:
		return a, iv
	case ib.Lo >= ia.Hi:
		return b, iv
	}
	// Both differences are positive here and at most 2^63 (|values| <= 2^62): exact in uint64.
	negLo, hi := uint64(ib.Hi)-uint64(ia.Lo), uint64(ia.Hi)-uint64(ib.Lo) //nolint:gosec // G115: modular differences of interval ends, wanted as unsigned
	p := max(ceilLog2(negLo), ceilLog2(hi+1))
	d := api.Sub(a, b)
	bits := api.ToBinary(api.Add(d, pow2(p)), int(p+1))
	return api.Add(b, api.Mul(bits[p], d)), iv
}
