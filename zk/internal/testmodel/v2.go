package testmodel

import (
	"math/rand"

	"github.com/hyra-network/hyra/zk/artifact"
)

// JSONV2 is a small hyra-qnn/v2 network exercising every op: conv2d with padding, requant of
// signed values, relu, maxpool with stride 2, sumpool, flatten and dense.
const JSONV2 = `{
  "format": "hyra-qnn/v2",
  "name": "small-cnn",
  "input": {"shape": [1, 4, 4], "min": -3, "max": 5},
  "ops": [
    {"op": "conv2d", "out_channels": 2, "kernel": [3, 3], "stride": [1, 1], "pads": [1, 1, 1, 1],
     "weights": [1, -2, 3, 0, 4, -1, 2, 2, -3, -1, 0, 1, 5, -2, 0, 1, 1, -4], "biases": [1, -2]},
    {"op": "requant", "multiplier": 3, "shift": 2},
    {"op": "relu"},
    {"op": "maxpool", "kernel": [2, 2], "stride": [2, 2]},
    {"op": "sumpool", "kernel": [2, 2], "stride": [1, 1]},
    {"op": "flatten"},
    {"op": "dense", "out": 2, "weights": [1, -1, 2, 3], "biases": [0, 7]}
  ],
  "output": {"length": 2, "labels": ["a", "b"]}
}`

// V2 encodes a hyra-qnn/v2 artifact with the given input schema and ops (their shapes are left to
// Parse) and parses it back; it panics on an invalid network, since callers build constants.
func V2(name string, shape artifact.Shape, lo, hi int64, ops ...artifact.Op) (*artifact.Artifact, []byte) {
	a := &artifact.Artifact{
		Format: artifact.FormatV2, Name: name,
		Input:  artifact.InputSpec{Shape: shape, Min: lo, Max: hi},
		Ops:    ops,
		Output: artifact.OutputSpec{Length: outputSize(shape, ops)},
	}
	b, err := artifact.Encode(a)
	if err != nil {
		panic(err)
	}
	parsed, err := artifact.Parse(b)
	if err != nil {
		panic(err)
	}
	return parsed, b
}

// outputSize follows the shape arithmetic of the format (artifact.Parse checks it again).
func outputSize(s artifact.Shape, ops []artifact.Op) int {
	for _, op := range ops {
		switch op.Kind {
		case artifact.OpConv2D:
			s = artifact.Shape{
				op.OutChannels,
				(s[1]+op.Pads[0]+op.Pads[2]-op.Kernel[0])/op.Stride[0] + 1,
				(s[2]+op.Pads[1]+op.Pads[3]-op.Kernel[1])/op.Stride[1] + 1,
			}
		case artifact.OpMaxPool, artifact.OpSumPool:
			s = artifact.Shape{s[0], (s[1]-op.Kernel[0])/op.Stride[0] + 1, (s[2]-op.Kernel[1])/op.Stride[1] + 1}
		case artifact.OpDense:
			s = artifact.Shape{op.Out}
		case artifact.OpFlatten:
			s = artifact.Shape{s.Size()}
		}
	}
	return s.Size()
}

// Conv is a conv2d op with random weights in [-wmax, wmax] and biases in [-bmax, bmax].
func Conv(rng *rand.Rand, out, in, k, stride int, pads [4]int, wmax, bmax int64) artifact.Op {
	return artifact.Op{
		Kind: artifact.OpConv2D, OutChannels: out, Kernel: [2]int{k, k}, Stride: [2]int{stride, stride},
		Pads: pads, Weights: randInts(rng, out*in*k*k, wmax), Biases: randInts(rng, out, bmax),
	}
}

// Dense is a dense op with random weights and biases.
func Dense(rng *rand.Rand, out, in int, wmax, bmax int64) artifact.Op {
	return artifact.Op{Kind: artifact.OpDense, Out: out, Weights: randInts(rng, out*in, wmax), Biases: randInts(rng, out, bmax)}
}

// Pool is a maxpool or sumpool op with a square kernel.
func Pool(kind string, k, stride int) artifact.Op {
	return artifact.Op{Kind: kind, Kernel: [2]int{k, k}, Stride: [2]int{stride, stride}}
}

// Requant is a requant op.
func Requant(m int64, shift uint) artifact.Op {
	return artifact.Op{Kind: artifact.OpRequant, Multiplier: m, Shift: shift}
}

// Op is an op without parameters (relu, flatten).
func Op(kind string) artifact.Op { return artifact.Op{Kind: kind} }

// Rescale returns a requant op mapping accumulators of magnitude up to bound onto [-target,
// target], as a calibrated quantizer would map an activation range onto int8, with a 10-bit
// multiplier (every shift bit costs one constraint per requantized value).
func Rescale(bound, target int64) artifact.Op {
	shift := uint(0)
	for target<<shift/bound < 1<<9 {
		shift++
	}
	return Requant(target<<shift/bound, shift)
}

// AccBound is max_o |b_o| + sum |w| * x over the rows of a conv2d or dense op whose inputs have
// magnitude up to x (padding ignored, so an upper bound).
func AccBound(op artifact.Op, x int64) int64 {
	rows := len(op.Biases)
	n := len(op.Weights) / rows
	var best int64
	for o := 0; o < rows; o++ {
		s := abs(op.Biases[o])
		for _, w := range op.Weights[o*n : (o+1)*n] {
			s += abs(w) * x
		}
		best = max(best, s)
	}
	return best
}

// MNISTMLP is a 784-128-10 MLP on pixels 0..255 with random int8-like weights, shaped like the
// planned bundled MNIST MLP: dense 128, requant to [0, 2^10) worst case, relu, dense 10.
func MNISTMLP(seed int64) (*artifact.Artifact, []byte) {
	rng := rand.New(rand.NewSource(seed))
	d1 := Dense(rng, 128, 784, 127, 1<<12)
	d2 := Dense(rng, 10, 128, 127, 1<<12)
	return V2("mnist-mlp-bench", artifact.Shape{784}, 0, 255,
		d1, Rescale(AccBound(d1, 255), 1<<10), Op(artifact.OpReLU), d2)
}

// MNISTCNN is a LeNet-like CNN on a 1x28x28 image: conv 6@5x5, requant, relu, maxpool 2, conv
// 16@5x5, requant, relu, maxpool 2, flatten, dense 10, with random int8-like weights.
func MNISTCNN(seed int64) (*artifact.Artifact, []byte) {
	rng := rand.New(rand.NewSource(seed))
	c1 := Conv(rng, 6, 1, 5, 1, [4]int{}, 127, 1<<12)
	c2 := Conv(rng, 16, 6, 5, 1, [4]int{}, 127, 1<<12)
	d := Dense(rng, 10, 256, 127, 1<<12)
	const act = 1 << 10
	return V2("mnist-cnn-bench", artifact.Shape{1, 28, 28}, 0, 255,
		c1, Rescale(AccBound(c1, 255), act), Op(artifact.OpReLU), Pool(artifact.OpMaxPool, 2, 2),
		c2, Rescale(AccBound(c2, act), act), Op(artifact.OpReLU), Pool(artifact.OpMaxPool, 2, 2),
		Op(artifact.OpFlatten), d)
}

// RandomInput returns n values in [lo, hi].
func RandomInput(rng *rand.Rand, n int, lo, hi int64) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = lo + rng.Int63n(hi-lo+1)
	}
	return v
}

func randInts(rng *rand.Rand, n int, m int64) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = rng.Int63n(2*m+1) - m
	}
	return v
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
