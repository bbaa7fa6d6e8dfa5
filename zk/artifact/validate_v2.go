package artifact

import "fmt"

// parseV2 decodes, validates and range-analyses a hyra-qnn/v2 document.
func parseV2(b []byte) (*Artifact, error) {
	a, err := decodeV2(b)
	if err != nil {
		return nil, err
	}
	if err := a.validateV2(); err != nil {
		return nil, err
	}
	if err := a.analyzeV2(); err != nil {
		return nil, err
	}
	return a, nil
}

// validateV2 checks the header, the input shape and range, and every op against the shape it
// receives (filling In and OutShape), and the caps on ops, tensors, weights and window taps.
func (a *Artifact) validateV2() error {
	if err := a.checkHeader(); err != nil {
		return err
	}
	in := &a.Input
	if len(in.Preprocess) > MaxDescLen {
		return fmt.Errorf("input preprocess longer than %d bytes", MaxDescLen)
	}
	if err := checkShape(in.Shape); err != nil {
		return fmt.Errorf("input shape: %w", err)
	}
	if in.Length = in.Shape.Size(); in.Length > MaxIOLen {
		return fmt.Errorf("input shape %v has %d elements, max %d", in.Shape, in.Length, MaxIOLen)
	}
	if in.Min > in.Max || in.Min < MinIOValue || in.Max > MaxIOValue {
		return fmt.Errorf("input range [%d, %d] empty or outside [%d, %d]", in.Min, in.Max, MinIOValue, MaxIOValue)
	}
	if len(a.Ops) < 1 {
		return fmt.Errorf("no ops, want 1 to %d", MaxOps)
	}
	shape, weights, macs := in.Shape, 0, 0
	for i := range a.Ops {
		op := &a.Ops[i]
		op.In = shape
		if err := op.validate(); err != nil {
			return fmt.Errorf("op %d (%s): %w", i, op.Kind, err)
		}
		if n := op.OutShape.Size(); n > MaxTensor {
			return fmt.Errorf("op %d (%s): output shape %v has %d elements, max %d", i, op.Kind, op.OutShape, n, MaxTensor)
		}
		weights += len(op.Weights)
		if weights > MaxWeights {
			return fmt.Errorf("op %d (%s): more than %d weights in total", i, op.Kind, MaxWeights)
		}
		macs += op.macs()
		if macs > MaxMACs {
			return fmt.Errorf("op %d (%s): more than %d multiply-accumulates in total", i, op.Kind, MaxMACs)
		}
		shape = op.OutShape
	}
	if n := shape.Size(); a.Output.Length != n || n > MaxIOLen {
		return fmt.Errorf("output length %d, the last op gives %d elements (max %d)", a.Output.Length, n, MaxIOLen)
	}
	return a.checkLabels()
}

func checkShape(s Shape) error {
	if len(s) != 1 && len(s) != 3 {
		return fmt.Errorf("%v: want [N] or [C, H, W]", s)
	}
	for _, d := range s {
		if d < 1 || d > MaxTensor {
			return fmt.Errorf("%v: every dimension must be in [1, %d]", s, MaxTensor)
		}
	}
	return nil
}

// validate checks op's fields against its input shape op.In and sets op.OutShape.
func (op *Op) validate() error {
	switch op.Kind {
	case OpConv2D:
		return op.validateConv()
	case OpDense:
		n := op.In.Size()
		if op.Out < 1 || op.Out > MaxTensor {
			return fmt.Errorf("out = %d outside [1, %d]", op.Out, MaxTensor)
		}
		op.OutShape = Shape{op.Out}
		return op.checkParams(op.Out*n, op.Out)
	case OpRequant:
		if op.Multiplier < 1 || op.Multiplier > MaxMultiplier {
			return fmt.Errorf("multiplier %d outside [1, 2^31)", op.Multiplier)
		}
	case OpMaxPool, OpSumPool:
		if len(op.In) != 3 {
			return fmt.Errorf("needs a [C, H, W] input, got %v", op.In)
		}
		if err := op.checkWindow(); err != nil {
			return err
		}
		c, h, w := op.In[0], op.In[1], op.In[2]
		if h < op.Kernel[0] || w < op.Kernel[1] {
			return fmt.Errorf("kernel %v larger than the input %v", op.Kernel, op.In)
		}
		op.OutShape = Shape{c, (h-op.Kernel[0])/op.Stride[0] + 1, (w-op.Kernel[1])/op.Stride[1] + 1}
		return nil
	case OpFlatten:
		op.OutShape = Shape{op.In.Size()}
		return nil
	}
	op.OutShape = op.In // requant, relu
	return nil
}

func (op *Op) validateConv() error {
	if len(op.In) != 3 {
		return fmt.Errorf("needs a [C, H, W] input, got %v", op.In)
	}
	if op.OutChannels < 1 || op.OutChannels > MaxTensor {
		return fmt.Errorf("out_channels = %d outside [1, %d]", op.OutChannels, MaxTensor)
	}
	if err := op.checkWindow(); err != nil {
		return err
	}
	for _, p := range op.Pads {
		if p < 0 || p > MaxPad {
			return fmt.Errorf("pads %v: each must be in [0, %d]", op.Pads, MaxPad)
		}
	}
	c, h, w := op.In[0], op.In[1], op.In[2]
	hp, wp := h+op.Pads[0]+op.Pads[2], w+op.Pads[1]+op.Pads[3]
	if hp < op.Kernel[0] || wp < op.Kernel[1] {
		return fmt.Errorf("kernel %v larger than the padded input [%d, %d]", op.Kernel, hp, wp)
	}
	op.OutShape = Shape{op.OutChannels, (hp-op.Kernel[0])/op.Stride[0] + 1, (wp-op.Kernel[1])/op.Stride[1] + 1}
	return op.checkParams(op.OutChannels*c*op.Kernel[0]*op.Kernel[1], op.OutChannels)
}

func (op *Op) checkWindow() error {
	for _, k := range append(op.Kernel[:], op.Stride[:]...) {
		if k < 1 || k > MaxWindow {
			return fmt.Errorf("kernel %v and stride %v: each must be in [1, %d]", op.Kernel, op.Stride, MaxWindow)
		}
	}
	return nil
}

// checkParams checks the weight and bias counts and magnitudes of a conv2d or dense op.
func (op *Op) checkParams(weights, biases int) error {
	if len(op.Weights) != weights || len(op.Biases) != biases {
		return fmt.Errorf("%d weights and %d biases, want %d and %d", len(op.Weights), len(op.Biases), weights, biases)
	}
	for i, w := range op.Weights {
		if w < -MaxWeightAbs || w > MaxWeightAbs {
			return fmt.Errorf("weight %d = %d exceeds 2^24 in magnitude", i, w)
		}
	}
	for i, b := range op.Biases {
		if b < -MaxBiasAbs || b > MaxBiasAbs {
			return fmt.Errorf("bias %d = %d exceeds 2^48 in magnitude", i, b)
		}
	}
	return nil
}

// macs counts the window taps of op (padding included), the work of one inference.
func (op *Op) macs() int {
	switch op.Kind {
	case OpConv2D:
		return op.OutShape.Size() * op.In[0] * op.Kernel[0] * op.Kernel[1]
	case OpDense:
		return len(op.Weights)
	case OpMaxPool, OpSumPool:
		return op.OutShape.Size() * op.Kernel[0] * op.Kernel[1]
	}
	return op.In.Size()
}
