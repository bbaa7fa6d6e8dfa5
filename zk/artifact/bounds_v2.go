package artifact

import (
	"errors"
	"fmt"
	"math/bits"
)

var errAccBound = fmt.Errorf("a value may exceed 2^%d", MaxAccBits)

// analyzeV2 propagates per-element value ranges through the ops, as analyze does for v1: every
// linear output's |bias| + sum |w| * max|x| and every requant product |x| * multiplier must stay
// within 2^62 (overflow-checked), so int64 inference cannot overflow and the circuit's values
// stay far below the field modulus; the outputs must fit the 32-bit commitment lanes.
func (a *Artifact) analyzeV2() error {
	cur := make([]Interval, a.Input.Length)
	for i := range cur {
		cur[i] = Interval{a.Input.Min, a.Input.Max}
	}
	a.bounds = [][]Interval{cur}
	for i := range a.Ops {
		next, err := a.Ops[i].bounds(cur)
		if err != nil {
			return fmt.Errorf("op %d (%s): %w", i, a.Ops[i].Kind, err)
		}
		a.bounds = append(a.bounds, next)
		cur = next
	}
	for j, iv := range cur {
		if iv.Lo < MinIOValue || iv.Hi > MaxIOValue {
			return fmt.Errorf("output %d may reach [%d, %d], outside the 32-bit range [%d, %d]: lower the weights or requantize", j, iv.Lo, iv.Hi, MinIOValue, MaxIOValue)
		}
	}
	return nil
}

// Bounds returns the range of every element of the tensor entering v2 op i, over all inputs the
// schema allows; Bounds(len(Ops)) is the output's. The circuit sizes its decompositions from them.
func (a *Artifact) Bounds(i int) []Interval { return a.bounds[i] }

func (op *Op) bounds(in []Interval) ([]Interval, error) {
	out := make([]Interval, op.OutShape.Size())
	var taps []Tap
	var win []int
	for j := range out {
		switch op.Kind {
		case OpConv2D, OpDense, OpSumPool:
			var b int64
			b, taps = op.Linear(j, taps[:0])
			iv, err := linearBounds(b, taps, in)
			if err != nil {
				return nil, fmt.Errorf("output %d: %w", j, err)
			}
			out[j] = iv
		case OpMaxPool:
			win = op.Window(j, win[:0])
			out[j] = in[win[0]]
			for _, x := range win[1:] {
				out[j] = out[j].Max(in[x])
			}
		case OpRequant:
			iv, err := in[j].Requant(op.Multiplier, op.Shift)
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", j, err)
			}
			out[j] = iv
		case OpReLU:
			out[j] = in[j].ReLU()
		default: // flatten
			out[j] = in[j]
		}
	}
	return out, nil
}

// linearBounds bounds b + sum w*x[X]: first |b| + sum |w| * max|x| <= 2^62 with overflow-checked
// arithmetic (it covers every partial sum), then the exact interval.
func linearBounds(b int64, taps []Tap, in []Interval) (Interval, error) {
	abs := uabs(b)
	for _, t := range taps {
		x := in[t.X]
		hi, lo := bits.Mul64(uabs(t.W), max(uabs(x.Lo), uabs(x.Hi)))
		if hi != 0 || lo > maxAccAbsBound {
			return Interval{}, errAccBound
		}
		if abs += lo; abs > maxAccAbsBound { // both terms <= 2^62: no wrap
			return Interval{}, errAccBound
		}
	}
	iv := Interval{b, b}
	for _, t := range taps {
		x := in[t.X]
		p, q := t.W*x.Lo, t.W*x.Hi
		iv.Lo += min(p, q)
		iv.Hi += max(p, q)
	}
	return iv, nil
}

// Requant maps the range through floor(x * m / 2^s) (m >= 1, so monotone), after checking that
// |x| * m stays within 2^62.
func (iv Interval) Requant(m int64, s uint) (Interval, error) {
	hi, lo := bits.Mul64(max(uabs(iv.Lo), uabs(iv.Hi)), uint64(m)) //nolint:gosec // G115: m is a positive multiplier
	if hi != 0 || lo > maxAccAbsBound {
		return Interval{}, errors.New("x * multiplier may exceed 2^62")
	}
	return Interval{iv.Lo * m >> s, iv.Hi * m >> s}, nil
}

// ReLU maps the range through max(x, 0).
func (iv Interval) ReLU() Interval { return Interval{max(iv.Lo, 0), max(iv.Hi, 0)} }

// Max is the range of max(x, y) for x in iv and y in o.
func (iv Interval) Max(o Interval) Interval { return Interval{max(iv.Lo, o.Lo), max(iv.Hi, o.Hi)} }
