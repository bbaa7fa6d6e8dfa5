package circuit

import (
	"github.com/consensys/gnark/frontend"

	"github.com/hyra-network/hyra/zk/artifact"
)

// tensor is a v2 value in the circuit: its elements (flat, CHW) and the range of each, which
// sizes the bit decompositions that consume them.
type tensor struct {
	v  []frontend.Variable
	iv []artifact.Interval
}

// deferred is a requant and/or relu not yet applied. Both maps are monotone non-decreasing
// (floor(x * m / 2^s) with m >= 1, and max(x, 0)), so they commute with max: a maxpool that
// follows them is computed on the accumulators first, and the requant+relu, one bit
// decomposition per value, then runs on the pooled values only (a quarter of them for a 2x2
// pool). The outputs are exactly those of artifact.Infer, which applies the ops in order.
type deferred struct {
	requant bool
	m       int64
	shift   uint
	relu    bool
}

// network is the hyra-qnn/v2 network on the range-checked input. Linear ops (conv2d, dense,
// sumpool, flatten) are linear combinations of constants and cost no constraints; requant and
// relu cost one decomposition per value (fused when relu follows requant); maxpool costs one
// comparison per window element after the first.
func network(api frontend.API, a *artifact.Artifact, input []frontend.Variable) []frontend.Variable {
	t := tensor{input, a.Bounds(0)}
	var d deferred
	for i := range a.Ops {
		op := &a.Ops[i]
		switch op.Kind {
		case artifact.OpRequant:
			t = d.apply(api, t)
			d = deferred{requant: true, m: op.Multiplier, shift: op.Shift}
		case artifact.OpReLU:
			d.relu = true // relu after relu is relu
		case artifact.OpMaxPool:
			t = maxPool(api, op, t)
		case artifact.OpFlatten:
			// elementwise maps commute with a reshape; the flat layout is unchanged
		default:
			t = d.apply(api, t)
			d = deferred{}
			t = linear(api, op, t, a.Bounds(i+1))
		}
	}
	return d.apply(api, t).v
}

// apply runs the deferred requant/relu on every element with activate, one decomposition each.
func (d deferred) apply(api frontend.API, t tensor) tensor {
	if !d.requant && !d.relu {
		return t
	}
	out := tensor{make([]frontend.Variable, len(t.v)), make([]artifact.Interval, len(t.v))}
	for j, x := range t.v {
		acc, iv, k := x, t.iv[j], uint(0)
		out.iv[j] = iv
		if d.requant {
			acc, k = api.Mul(x, d.m), d.shift
			iv = artifact.Interval{Lo: iv.Lo * d.m, Hi: iv.Hi * d.m} // |x| * m <= 2^62: checked by Parse
			out.iv[j] = artifact.Interval{Lo: iv.Lo >> k, Hi: iv.Hi >> k}
		}
		if d.relu {
			out.iv[j] = out.iv[j].ReLU()
		}
		out.v[j] = activate(api, acc, iv, k, d.relu)
	}
	return out
}

// linear computes a conv2d, dense or sumpool op as bias + sum w * x per output, with constant
// weights: no constraints. bounds are the artifact's ranges of the outputs.
func linear(api frontend.API, op *artifact.Op, t tensor, bounds []artifact.Interval) tensor {
	out := tensor{make([]frontend.Variable, len(bounds)), bounds}
	var taps []artifact.Tap
	for j := range out.v {
		var b int64
		b, taps = op.Linear(j, taps[:0])
		terms := make([]frontend.Variable, 0, len(taps)+1)
		terms = append(terms, b)
		for _, tp := range taps {
			terms = append(terms, api.Mul(t.v[tp.X], tp.W))
		}
		out.v[j] = sum(api, terms)
	}
	return out
}
