package main

import (
	"errors"
	"math"

	"github.com/hyra-network/hyra/zk/artifact"
)

// quantize turns the float network into a hyra-qnn/v1 artifact. Every integer activation a
// stands for the float activation a*s: s is inScale for the raw input and 2^-actBits for hidden
// layers. Layer weights are scaled to signed weightBits-bit integers by the largest power of two
// that fits, biases to the accumulator scale, and each hidden layer is shifted back to actBits
// fractional bits; half an output unit is added to the bias so the floor in the shift rounds to
// nearest. The output layer keeps its accumulator scale (argmax does not care) unless the
// artifact's range analysis needs a shift to fit outputs into 32 bits.
func quantize(m *mlp, name, desc string, in artifact.InputSpec, labels []string, weightBits, actBits int) (*artifact.Artifact, []byte, error) {
	for extra := uint(0); extra < 32; extra++ {
		a := &artifact.Artifact{
			Format: artifact.Format, Name: name, Description: desc, Input: in,
			Output: artifact.OutputSpec{Length: len(m.b[len(m.b)-1]), Labels: labels},
		}
		s := m.inScale
		for l := range m.w {
			last := l == len(m.w)-1
			maxAbs := 0.0
			for _, row := range m.w[l] {
				for _, w := range row {
					maxAbs = math.Max(maxAbs, math.Abs(w*s))
				}
			}
			q := int(math.Floor(math.Log2(float64(int64(1)<<(weightBits-1)-1) / maxAbs)))
			ly := artifact.Layer{In: len(m.w[l][0]), Out: len(m.w[l]), ReLU: !last}
			k := q - actBits
			if last {
				k = int(extra)
			}
			k = max(k, 0)
			ly.ScaleBits = uint(k)
			for j, row := range m.w[l] {
				wr := make([]int64, len(row))
				for i, w := range row {
					wr[i] = int64(math.Round(w * s * math.Exp2(float64(q))))
				}
				b := int64(math.Round(m.b[l][j] * math.Exp2(float64(q))))
				if k > 0 {
					b += 1 << (k - 1)
				}
				ly.Weights, ly.Biases = append(ly.Weights, wr), append(ly.Biases, b)
			}
			s = math.Exp2(float64(k - q))
			a.Layers = append(a.Layers, ly)
		}
		b, err := artifact.Encode(a)
		if err != nil {
			return nil, nil, err
		}
		parsed, err := artifact.Parse(b)
		if err == nil {
			return parsed, b, nil
		}
	}
	return nil, nil, errors.New("quantize: outputs do not fit 32 bits even after rescaling")
}
