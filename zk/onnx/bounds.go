package onnx

import (
	"math"

	"github.com/hyra-network/hyra/zk/artifact"
)

// bounds is a static worst-case interval for the integer tensor over every input the artifact
// accepts: one interval per channel of a [C,H,W] tensor, per element of a [N] one. The importer
// sizes requant multipliers from it (the artifact parser does its own exact analysis).
type bounds struct {
	shape  []int
	lo, hi []float64
}

func inputBounds(shape []int, lo, hi int64) bounds {
	n := shape[0]
	if len(shape) == 1 {
		n = prod(shape)
	}
	b := bounds{shape: shape, lo: make([]float64, n), hi: make([]float64, n)}
	for i := range b.lo {
		b.lo[i], b.hi[i] = float64(lo), float64(hi)
	}
	return b
}

// at returns the interval of flat element i.
func (b bounds) at(i int) (float64, float64) {
	if len(b.shape) == 3 {
		c := i / (b.shape[1] * b.shape[2])
		return b.lo[c], b.hi[c]
	}
	return b.lo[i], b.hi[i]
}

func (b bounds) absMax() float64 {
	m := 0.0
	for i := range b.lo {
		m = math.Max(m, math.Max(math.Abs(b.lo[i]), math.Abs(b.hi[i])))
	}
	return m
}

// linear bounds a conv2d or dense op's outputs.
func (b bounds) linear(op artifact.Op) bounds {
	out := len(op.Biases)
	per := len(op.Weights) / out
	padded := op.Pads != [4]int{}
	r := bounds{lo: make([]float64, out), hi: make([]float64, out)}
	for o := 0; o < out; o++ {
		lo, hi := float64(op.Biases[o]), float64(op.Biases[o])
		for i := 0; i < per; i++ {
			w := float64(op.Weights[o*per+i])
			var l, h float64
			if op.Kind == artifact.OpConv2D {
				l, h = b.lo[i/(op.Kernel[0]*op.Kernel[1])], b.hi[i/(op.Kernel[0]*op.Kernel[1])]
				if padded {
					l, h = math.Min(l, 0), math.Max(h, 0)
				}
			} else {
				l, h = b.at(i)
			}
			lo += math.Min(w*l, w*h)
			hi += math.Max(w*l, w*h)
		}
		r.lo[o], r.hi[o] = lo, hi
	}
	r.shape = []int{out}
	if op.Kind == artifact.OpConv2D {
		h := (b.shape[1]+op.Pads[0]+op.Pads[2]-op.Kernel[0])/op.Stride[0] + 1
		w := (b.shape[2]+op.Pads[1]+op.Pads[3]-op.Kernel[1])/op.Stride[1] + 1
		r.shape = []int{out, h, w}
	}
	return r
}

func (b bounds) each(f func(float64) float64) bounds {
	r := bounds{shape: b.shape, lo: make([]float64, len(b.lo)), hi: make([]float64, len(b.hi))}
	for i := range b.lo {
		r.lo[i], r.hi[i] = f(b.lo[i]), f(b.hi[i])
	}
	return r
}

func (b bounds) requant(m int64, shift int) bounds {
	return b.each(func(v float64) float64 { return math.Floor(math.Ldexp(v*float64(m), -shift)) })
}

func (b bounds) relu() bounds { return b.each(func(v float64) float64 { return math.Max(v, 0) }) }

func (b bounds) pool(op artifact.Op) bounds {
	k := 1.0
	if op.Kind == artifact.OpSumPool {
		k = float64(op.Kernel[0] * op.Kernel[1])
	}
	r := b.each(func(v float64) float64 { return v * k })
	r.shape = []int{b.shape[0], (b.shape[1]-op.Kernel[0])/op.Stride[0] + 1, (b.shape[2]-op.Kernel[1])/op.Stride[1] + 1}
	return r
}

func (b bounds) flatten() bounds {
	n := prod(b.shape)
	r := bounds{shape: []int{n}, lo: make([]float64, n), hi: make([]float64, n)}
	for i := 0; i < n; i++ {
		r.lo[i], r.hi[i] = b.at(i)
	}
	return r
}
