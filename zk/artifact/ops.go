package artifact

// Operation kinds of hyra-qnn/v2 (the "op" field).
const (
	OpConv2D  = "conv2d"
	OpDense   = "dense"
	OpRequant = "requant"
	OpReLU    = "relu"
	OpMaxPool = "maxpool"
	OpSumPool = "sumpool"
	OpFlatten = "flatten"
)

// Caps of hyra-qnn/v2, on top of the shared ones (MaxSize, MaxWeights, MaxWeightAbs, MaxBiasAbs).
// MaxMACs bounds the work of parsing (range analysis) and inference, and the circuit's linear
// combinations, whatever the shapes.
const (
	MaxOps        = 64
	MaxTensor     = 16384 // elements of every tensor
	MaxIOLen      = 1024  // input and output elements: the chain's vector and commitment cap
	MaxWindow     = 16    // kernel and stride sides
	MaxPad        = 16
	MaxMACs       = 1 << 24 // multiply-accumulates (window taps) over all ops
	MaxShift      = 62
	MaxMultiplier = 1<<31 - 1
)

// Shape is a tensor shape: [N] or [C, H, W] (row-major, CHW).
type Shape []int

// Size is the number of elements.
func (s Shape) Size() int {
	n := 1
	for _, d := range s {
		n *= d
	}
	return n
}

// Op is one hyra-qnn/v2 operation. Only the fields of its Kind are meaningful; In and OutShape are
// the shapes it maps between, set by Parse.
type Op struct {
	Kind        string
	OutChannels int     // conv2d
	Out         int     // dense
	Kernel      [2]int  // conv2d, maxpool, sumpool: [kh, kw]
	Stride      [2]int  // conv2d, maxpool, sumpool: [sh, sw]
	Pads        [4]int  // conv2d: [top, left, bottom, right], zero padding
	Weights     []int64 // conv2d: OIHW row-major; dense: row j = output j
	Biases      []int64 // conv2d: per output channel; dense: per output
	Multiplier  int64   // requant
	Shift       uint    // requant

	In, OutShape Shape
}

// IsLinear reports whether the op is an affine map with constant coefficients (no constraints in
// the circuit): conv2d, dense, sumpool.
func (op *Op) IsLinear() bool {
	return op.Kind == OpConv2D || op.Kind == OpDense || op.Kind == OpSumPool
}

// Tap is one term w * x[X] of a linear output.
type Tap struct {
	W int64
	X int
}

// Linear returns output element out of a linear op as bias + sum of taps (appended to dst),
// with zero weights and zero padding left out.
func (op *Op) Linear(out int, dst []Tap) (int64, []Tap) {
	switch op.Kind {
	case OpDense:
		in := op.In.Size()
		for i, w := range op.Weights[out*in : (out+1)*in] {
			if w != 0 {
				dst = append(dst, Tap{w, i})
			}
		}
		return op.Biases[out], dst
	case OpSumPool:
		for _, x := range op.Window(out, nil) {
			dst = append(dst, Tap{1, x})
		}
		return 0, dst
	}
	c, h, w := op.In[0], op.In[1], op.In[2]
	ho, wo := op.OutShape[1], op.OutShape[2]
	o, i, j := out/(ho*wo), out/wo%ho, out%wo
	kh, kw := op.Kernel[0], op.Kernel[1]
	for ch := 0; ch < c; ch++ {
		for u := 0; u < kh; u++ {
			y := i*op.Stride[0] + u - op.Pads[0]
			if y < 0 || y >= h {
				continue
			}
			for v := 0; v < kw; v++ {
				x := j*op.Stride[1] + v - op.Pads[1]
				if x < 0 || x >= w {
					continue
				}
				if wt := op.Weights[((o*c+ch)*kh+u)*kw+v]; wt != 0 {
					dst = append(dst, Tap{wt, (ch*h+y)*w + x})
				}
			}
		}
	}
	return op.Biases[o], dst
}

// Window returns the input indexes of pooling output element out (appended to dst).
func (op *Op) Window(out int, dst []int) []int {
	h, w := op.In[1], op.In[2]
	ho, wo := op.OutShape[1], op.OutShape[2]
	c, i, j := out/(ho*wo), out/wo%ho, out%wo
	for u := 0; u < op.Kernel[0]; u++ {
		for v := 0; v < op.Kernel[1]; v++ {
			dst = append(dst, (c*h+i*op.Stride[0]+u)*w+j*op.Stride[1]+v)
		}
	}
	return dst
}
