package artifact

import (
	"fmt"
	"math/bits"
)

// analyze propagates value ranges through the network. For every neuron it first bounds
// |b| + sum_i |w_i| * max|x_i| by 2^62 with overflow-checked arithmetic; that bound covers every
// partial sum, so native int64 inference cannot overflow and the circuit's field values stay
// small integers. It then records exact interval bounds, which size the circuit's bit
// decompositions, and requires the outputs to fit the 32-bit commitment lanes.
func (a *Artifact) analyze() error {
	width := a.Input.Length
	prev := make([]Interval, width)
	for i := range prev {
		prev[i] = Interval{a.Input.Min, a.Input.Max}
	}
	a.acc = make([][]Interval, len(a.Layers))
	a.act = make([][]Interval, len(a.Layers))
	for l := range a.Layers {
		ly := &a.Layers[l]
		a.acc[l] = make([]Interval, ly.Out)
		a.act[l] = make([]Interval, ly.Out)
		for j := 0; j < ly.Out; j++ {
			acc, err := neuronBounds(ly.Weights[j], ly.Biases[j], prev)
			if err != nil {
				return fmt.Errorf("layer %d neuron %d: %w", l, j, err)
			}
			a.acc[l][j] = acc
			a.act[l][j] = activate(acc, ly.ScaleBits, ly.ReLU)
		}
		prev = a.act[l]
	}
	for j, iv := range prev {
		if iv.Lo < MinIOValue || iv.Hi > MaxIOValue {
			return fmt.Errorf("output %d may reach [%d, %d], outside the 32-bit range [%d, %d]: lower the weights or add scale_bits", j, iv.Lo, iv.Hi, MinIOValue, MaxIOValue)
		}
	}
	return nil
}

func neuronBounds(w []int64, b int64, in []Interval) (Interval, error) {
	abs := uabs(b)
	for i, x := range in {
		m := max(uabs(x.Lo), uabs(x.Hi))
		hi, lo := bits.Mul64(uabs(w[i]), m)
		if hi != 0 || lo > maxAccAbsBound {
			return Interval{}, fmt.Errorf("accumulator may exceed 2^%d", MaxAccBits)
		}
		abs += lo // both terms are <= 2^62, the sum fits in uint64
		if abs > maxAccAbsBound {
			return Interval{}, fmt.Errorf("accumulator may exceed 2^%d", MaxAccBits)
		}
	}
	iv := Interval{b, b}
	for i, x := range in {
		p, q := w[i]*x.Lo, w[i]*x.Hi
		iv.Lo += min(p, q)
		iv.Hi += max(p, q)
	}
	return iv, nil
}

// activate maps an accumulator range through the rescale and ReLU; both are monotone.
func activate(acc Interval, scaleBits uint, relu bool) Interval {
	out := Interval{acc.Lo >> scaleBits, acc.Hi >> scaleBits}
	if relu {
		out.Lo, out.Hi = max(out.Lo, 0), max(out.Hi, 0)
	}
	return out
}

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x) // |MinInt64| wraps to 2^63, which is still the right magnitude
	}
	return uint64(x)
}
