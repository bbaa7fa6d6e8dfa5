package onnx

import (
	"errors"
	"fmt"
	"math"

	"github.com/hyra-network/hyra/zk/artifact"
)

// Options are the quantization's bit widths.
type Options struct {
	// WeightBits: each layer's weights become integers in ±(2^(WeightBits-1)-1), one scale per
	// layer (max |w| maps to the largest integer).
	WeightBits int
	// ActivationBits: an activation's calibration maximum maps to 2^ActivationBits-1 (followed
	// by a ReLU) or 2^(ActivationBits-1)-1 (signed). Larger values are not clipped: the artifact
	// has no saturation, so the scale only sets the resolution.
	ActivationBits int
	// MultiplierBits: requant multipliers have this many bits (fewer if x*multiplier could
	// exceed 2^61 for some input).
	MultiplierBits int
}

// DefaultOptions are int8 weights and activations with 12-bit requant multipliers: a requant
// costs about one constraint per bit of its shift, and 12 significant bits already change no
// argmax of the bundled models (16 and 24 bits gave the same accuracies).
var DefaultOptions = Options{WeightBits: 8, ActivationBits: 8, MultiplierBits: 12}

// LayerStats describes how one Conv/Dense layer was quantized.
type LayerStats struct {
	Layer             Layer
	WeightScale       float64 // real weight = WeightScale * integer weight
	WeightMax         int64   // max |integer weight|
	ActMin, ActMax    float64 // the layer's float outputs over the calibration data
	Multiplier        int64   // requant after the layer (0: none, the layer is the output)
	Shift             int
	AccBits, OutBits  int // static worst-case magnitude bits of the accumulator and of the requantized value
	ScaleIn, ScaleOut float64
}

// Quantized is a quantized network: its ops, how each Conv/Dense was quantized, and the real
// value of one unit of the output (float output ≈ OutputScale * integer output).
type Quantized struct {
	Ops         []artifact.Op
	Layers      []LayerStats
	OutputScale float64
}

// Quantize turns a raw-input Network (see FoldInput) into integer ops, with activation scales
// from the float outputs on the calibration inputs (their maximum, see Options).
func Quantize(n *Network, calib [][]int64, inMin, inMax int64, opt Options) (*Quantized, error) {
	if len(calib) == 0 {
		return nil, errors.New("no calibration data")
	}
	if opt.WeightBits < 2 || opt.WeightBits > 24 || opt.ActivationBits < 2 || opt.ActivationBits > 24 ||
		opt.MultiplierBits < 2 || opt.MultiplierBits > 31 {
		return nil, errors.New("bit widths: weights and activations 2-24, multipliers 2-31")
	}
	obsMin, obsMax := observe(n, calib)
	lastLinear := -1
	for i := range n.Layers {
		if n.Layers[i].linear() {
			lastLinear = i
		}
	}
	var ops []artifact.Op
	var stats []LayerStats
	scale := 1.0 // real value = scale * integer value of the current tensor
	bd := inputBounds(n.InputShape, inMin, inMax)
	for i := range n.Layers {
		l := &n.Layers[i]
		switch l.Kind {
		case Conv, Dense:
			op, st := quantizeLinear(l, scale, opt.WeightBits)
			st.ActMin, st.ActMax = obsMin[i], obsMax[i]
			acc := bd.linear(op)
			st.AccBits = bitsFor(acc.absMax())
			if i == lastLinear {
				ops, bd, scale = append(ops, op), acc, st.ScaleIn*st.WeightScale
				st.ScaleOut, st.OutBits = scale, st.AccBits
				stats = append(stats, st)
				continue
			}
			target := obsMax[i] / float64(int64(1)<<opt.ActivationBits-1)
			if !reluFollows(n.Layers, i) {
				target = math.Max(-obsMin[i], obsMax[i]) / float64(int64(1)<<(opt.ActivationBits-1)-1)
			}
			if target <= 0 {
				return nil, fmt.Errorf("node %q (%s): no positive output on the calibration data (a dead layer)", l.Node, l.OpType)
			}
			accScale := st.ScaleIn * st.WeightScale
			m, shift, err := requantParams(accScale/target, acc.absMax(), opt.MultiplierBits)
			if err != nil {
				return nil, fmt.Errorf("node %q (%s): %w", l.Node, l.OpType, err)
			}
			if shift > 0 { // round to nearest instead of floor: add half an output step
				half := int64(math.Round(math.Ldexp(0.5, shift) / float64(m)))
				for o := range op.Biases {
					op.Biases[o] += half
				}
				acc = bd.linear(op)
			}
			rq := artifact.Op{Kind: artifact.OpRequant, Multiplier: m, Shift: uint(shift)}
			ops = append(ops, op, rq)
			bd = acc.requant(m, shift)
			scale = accScale * math.Ldexp(1, shift) / float64(m)
			st.Multiplier, st.Shift, st.ScaleOut, st.OutBits = m, shift, scale, bitsFor(bd.absMax())
			stats = append(stats, st)
		case ReLU:
			ops, bd = append(ops, artifact.Op{Kind: artifact.OpReLU}), bd.relu()
		case MaxPool, AvgPool:
			op := artifact.Op{Kind: artifact.OpMaxPool, Kernel: l.Kernel, Stride: l.Stride}
			if l.Kind == AvgPool {
				op.Kind = artifact.OpSumPool
				scale /= float64(l.Kernel[0] * l.Kernel[1])
			}
			ops, bd = append(ops, op), bd.pool(op)
		case Flatten:
			ops, bd = append(ops, artifact.Op{Kind: artifact.OpFlatten}), bd.flatten()
		}
	}
	if b := bd.absMax(); b > math.MaxInt32 { // outputs must fit the int32 commitment lanes
		shift := bitsFor(b) - 31
		ops = append(ops, artifact.Op{Kind: artifact.OpRequant, Multiplier: 1, Shift: uint(shift)})
		scale = math.Ldexp(scale, shift)
	}
	return &Quantized{Ops: ops, Layers: stats, OutputScale: scale}, nil
}

func quantizeLinear(l *Layer, scaleIn float64, bits int) (artifact.Op, LayerStats) {
	maxW := 0.0
	for _, w := range l.W {
		maxW = math.Max(maxW, math.Abs(w))
	}
	ws := 1.0
	if maxW > 0 {
		ws = maxW / float64(int64(1)<<(bits-1)-1)
	}
	op := artifact.Op{Kind: artifact.OpDense, Out: len(l.B), Weights: make([]int64, len(l.W)), Biases: make([]int64, len(l.B))}
	if l.Kind == Conv {
		op = artifact.Op{
			Kind: artifact.OpConv2D, OutChannels: len(l.B), Kernel: l.Kernel, Stride: l.Stride, Pads: l.Pads,
			Weights: op.Weights, Biases: op.Biases,
		}
	}
	st := LayerStats{Layer: *l, WeightScale: ws, ScaleIn: scaleIn}
	for i, w := range l.W {
		op.Weights[i] = int64(math.Round(w / ws))
		st.WeightMax = max(st.WeightMax, abs(op.Weights[i]))
	}
	for o, b := range l.B {
		op.Biases[o] = int64(math.Round(b / (ws * scaleIn)))
	}
	return op, st
}

// requantParams chooses multiplier/2^shift ≈ r with a multiplier of up to bits bits, fewer if
// accBound * multiplier could exceed 2^61.
func requantParams(r, accBound float64, bits int) (int64, int, error) {
	limit := bits
	if accBound >= 1 {
		limit = min(limit, 61-bitsFor(accBound))
	}
	if limit < 1 || r <= 0 || math.IsInf(r, 0) || math.IsNaN(r) {
		return 0, 0, fmt.Errorf("no requant multiplier for scale ratio %g with accumulators up to %g", r, accBound)
	}
	_, e := math.Frexp(r) // r in [2^(e-1), 2^e)
	shift := min(limit-e, 62)
	m := int64(math.Round(math.Ldexp(r, shift)))
	if m >= int64(1)<<limit {
		shift--
		m = int64(math.Round(math.Ldexp(r, shift)))
	}
	if shift < 0 || m < 1 {
		return 0, 0, fmt.Errorf("no requant multiplier for scale ratio %g (shift %d)", r, shift)
	}
	return m, shift, nil
}

// observe runs the float network on the calibration inputs and returns every layer's output range.
func observe(n *Network, calib [][]int64) (lo, hi []float64) {
	workers := workerCount(len(calib))
	wlo, whi := make([][]float64, workers), make([][]float64, workers)
	for w := range wlo {
		wlo[w], whi[w] = make([]float64, len(n.Layers)), make([]float64, len(n.Layers))
		for i := range wlo[w] {
			wlo[w][i], whi[w][i] = math.Inf(1), math.Inf(-1)
		}
	}
	parallel(len(calib), workers, func(w, k int) {
		n.Forward(toFloat(calib[k]), func(i int, y []float64) {
			for _, v := range y {
				wlo[w][i], whi[w][i] = math.Min(wlo[w][i], v), math.Max(whi[w][i], v)
			}
		})
	})
	lo, hi = wlo[0], whi[0]
	for w := 1; w < workers; w++ {
		for i := range lo {
			lo[i], hi[i] = math.Min(lo[i], wlo[w][i]), math.Max(hi[i], whi[w][i])
		}
	}
	return lo, hi
}

// reluFollows reports whether a ReLU comes after layer i before the next Conv/Dense.
func reluFollows(ls []Layer, i int) bool {
	for j := i + 1; j < len(ls) && !ls[j].linear(); j++ {
		if ls[j].Kind == ReLU {
			return true
		}
	}
	return false
}

func toFloat(v []int64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// bitsFor is the number of bits of the magnitude v.
func bitsFor(v float64) int {
	_, e := math.Frexp(math.Floor(v))
	return e
}
