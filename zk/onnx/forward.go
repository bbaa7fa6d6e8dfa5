package onnx

import (
	"fmt"
	"math"
)

// Forward runs the float network on x (read flat in InputShape), calling observe (if not nil)
// with every layer's output. It is the float reference the quantized artifact is compared with.
func (n *Network) Forward(x []float64, observe func(layer int, y []float64)) []float64 {
	shape := n.InputShape
	for i := range n.Layers {
		l := &n.Layers[i]
		switch l.Kind {
		case Conv:
			x, _ = conv2d(x, shape, l.W, l.B, l.Kernel, l.Stride, l.Pads)
		case Dense:
			x = dense(x, l.W, l.B)
		case ReLU:
			x = relu(x)
		case MaxPool, AvgPool:
			x, _ = pool2d(x, shape, l.Kernel, l.Stride, l.Kind == MaxPool)
			if l.Kind == AvgPool {
				inv := 1 / float64(l.Kernel[0]*l.Kernel[1])
				for j := range x {
					x[j] *= inv
				}
			}
		}
		shape = l.Out
		if observe != nil {
			observe(i, x)
		}
	}
	return x
}

// Preprocess is the normalisation the model was trained with, from raw integer inputs (e.g.
// pixels 0-255) to what the ONNX graph reads: x = (raw*Scale - Mean[c]) / Std[c], with one Mean
// and Std per input channel or one for all.
type Preprocess struct {
	Scale     float64
	Mean, Std []float64
	// Min and Max bound the raw input values the artifact accepts.
	Min, Max int64
}

// channelOf returns, for each flat input index, its channel (0 for a [N] input).
func channelOf(shape []int, i int) int {
	if len(shape) == 3 {
		return i / (shape[1] * shape[2])
	}
	return 0
}

// affine returns the per-element a, b with x = a*raw + b, checking Mean/Std against the shape.
func (p *Preprocess) affine(shape []int) (a, b []float64, err error) {
	channels := 1
	if len(shape) == 3 {
		channels = shape[0]
	}
	pick := func(v []float64, def float64, c int) (float64, error) {
		switch len(v) {
		case 0:
			return def, nil
		case 1:
			return v[0], nil
		case channels:
			return v[c], nil
		}
		return 0, fmt.Errorf("%d mean/std values for %d input channels", len(v), channels)
	}
	n := prod(shape)
	a, b = make([]float64, n), make([]float64, n)
	for i := range a {
		c := channelOf(shape, i)
		mean, err := pick(p.Mean, 0, c)
		if err != nil {
			return nil, nil, err
		}
		std, err := pick(p.Std, 1, c)
		if err != nil {
			return nil, nil, err
		}
		if std == 0 || math.IsNaN(std) || math.IsInf(std, 0) || p.Scale == 0 {
			return nil, nil, fmt.Errorf("input scale and std must be finite and non-zero")
		}
		a[i], b[i] = p.Scale/std, -mean/std
	}
	return a, b, nil
}

// Normalize maps raw inputs to what the ONNX graph reads.
func (p *Preprocess) Normalize(shape []int, raw []int64) ([]float64, error) {
	a, b, err := p.affine(shape)
	if err != nil {
		return nil, err
	}
	x := make([]float64, len(raw))
	for i, r := range raw {
		x[i] = a[i]*float64(r) + b[i]
	}
	return x, nil
}
