package artifact

import "fmt"

// Infer runs the integer network on input (v2: see inferV2). Rescaling is an arithmetic right shift, which is floor
// division by 2^scale_bits for negative values too (-5 >> 1 == -3); the circuit computes the same
// floor from a bit decomposition, so both agree bit for bit. Parse's range analysis guarantees no
// overflow for any input that passes the schema check done here.
func (a *Artifact) Infer(input []int64) ([]int64, error) {
	if len(input) != a.Input.Length {
		return nil, fmt.Errorf("%w: input has %d values, want %d", ErrInvalid, len(input), a.Input.Length)
	}
	for i, x := range input {
		if x < a.Input.Min || x > a.Input.Max {
			return nil, fmt.Errorf("%w: input %d = %d outside [%d, %d]", ErrInvalid, i, x, a.Input.Min, a.Input.Max)
		}
	}
	if a.Format == FormatV2 {
		return a.inferV2(input), nil
	}
	x := input
	for l := range a.Layers {
		ly := &a.Layers[l]
		y := make([]int64, ly.Out)
		for j, row := range ly.Weights {
			acc := ly.Biases[j]
			for i, w := range row {
				acc += w * x[i]
			}
			acc >>= ly.ScaleBits
			if ly.ReLU && acc < 0 {
				acc = 0
			}
			y[j] = acc
		}
		x = y
	}
	return x, nil
}

// Argmax returns the index of the largest value (the first one on ties), or -1 for an empty slice.
func Argmax(v []int64) int {
	best := -1
	for i, x := range v {
		if best < 0 || x > v[best] {
			best = i
		}
	}
	return best
}
