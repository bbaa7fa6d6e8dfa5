package onnx

import (
	"fmt"
	"math"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

func conv(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	a, err := nodeAttrs(n, "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides")
	if err != nil {
		return nil, err
	}
	fail := refuser(n)
	if err := a.autoPad(); err != nil {
		return nil, err
	}
	if g := a.int("group", 1); g != 1 {
		return nil, fail("group = %d (only 1: no grouped or depthwise convolutions)", g)
	}
	if d := a.ints("dilations"); !allEqual(d, 1) {
		return nil, fail("dilations = %v (only 1)", d)
	}
	stride, err := a.pair("strides", [2]int{1, 1})
	if err != nil {
		return nil, err
	}
	pads, err := a.pads4()
	if err != nil {
		return nil, err
	}
	if len(in) < 2 || in[1].c == nil || len(in) > 2 && in[2].d != nil {
		return nil, fail("weights and bias must be constants")
	}
	w := in[1].c
	if len(s.shape) != 4 || len(w.shape) != 4 || w.shape[1] != s.shape[1] {
		return nil, fail("input %v and weights %v: want a 2-D convolution of [1, C, H, W] by [O, C, kh, kw]", s.shape, w.shape)
	}
	k := [2]int{w.shape[2], w.shape[3]}
	if ks := a.ints("kernel_shape"); ks != nil && (len(ks) != 2 || ks[0] != k[0] || ks[1] != k[1]) {
		return nil, fail("kernel_shape %v differs from the weights' %v", ks, k)
	}
	out := w.shape[0]
	bias := make([]float64, out)
	if len(in) > 2 && in[2].c != nil {
		if in[2].c.size() != out {
			return nil, fail("bias has %d values for %d output channels", in[2].c.size(), out)
		}
		copy(bias, in[2].c.data)
	}
	if s.layer != nil && s.layer.Kind == pad {
		for i := range pads {
			pads[i] += s.layer.Pads[i]
		}
		s = s.prev
	}
	h := (s.shape[2]+pads[0]+pads[2]-k[0])/stride[0] + 1
	wd := (s.shape[3]+pads[1]+pads[3]-k[1])/stride[1] + 1
	if s.shape[2]+pads[0]+pads[2] < k[0] || s.shape[3]+pads[1]+pads[3] < k[1] {
		return nil, fail("kernel %v larger than the padded input %v", k, s.shape)
	}
	l := Layer{Kind: Conv, W: w.data, B: bias, Kernel: k, Stride: stride, Pads: pads}
	return push(s, l, n, []int{1, out, h, wd}), nil
}

func gemm(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	a, err := nodeAttrs(n, "alpha", "beta", "transA", "transB")
	if err != nil {
		return nil, err
	}
	fail := refuser(n)
	if a.int("transA", 0) != 0 {
		return nil, fail("transA = 1 is not supported")
	}
	if len(in) < 2 || in[1].c == nil || len(in) > 2 && in[2].d != nil {
		return nil, fail("B and C must be constants")
	}
	alpha, beta := float64(a.float("alpha", 1)), float64(a.float("beta", 1))
	l, err := denseLayer(s, in[1].c, a.int("transB", 0) != 0, alpha)
	if err != nil {
		return nil, fail("%v", err)
	}
	if len(in) > 2 && in[2].c != nil {
		b, err := channelValues(in[2].c, []int{1, len(l.B)})
		if err != nil {
			return nil, fail("C: %v", err)
		}
		for j := range l.B {
			l.B[j] = beta * b[j]
		}
	}
	return push(s, l, n, []int{1, len(l.B)}), nil
}

func matmul(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	if _, err := nodeAttrs(n); err != nil {
		return nil, err
	}
	if len(in) != 2 || in[1].c == nil {
		return nil, unsupported(nodeName(n), n.GetOpType(), "the second operand must be a constant matrix")
	}
	l, err := denseLayer(s, in[1].c, false, 1)
	if err != nil {
		return nil, unsupported(nodeName(n), n.GetOpType(), "%v", err)
	}
	return push(s, l, n, []int{1, len(l.B)}), nil
}

// denseLayer builds x·B (or x·Bᵀ) scaled by alpha for x of shape [1, In], with zero bias.
func denseLayer(s *stage, b *tensor, transB bool, alpha float64) (Layer, error) {
	if len(s.shape) != 2 || len(b.shape) != 2 {
		return Layer{}, fmt.Errorf("input %v times %v: want [1, In] times a matrix (flatten first)", s.shape, b.shape)
	}
	nIn, nOut := b.shape[0], b.shape[1]
	if transB {
		nIn, nOut = nOut, nIn
	}
	if nIn != s.shape[1] {
		return Layer{}, fmt.Errorf("input %v times %v (transB %t): sizes differ", s.shape, b.shape, transB)
	}
	w := make([]float64, nIn*nOut)
	for j := 0; j < nOut; j++ {
		for i := 0; i < nIn; i++ {
			v := b.data[i*nOut+j]
			if transB {
				v = b.data[j*nIn+i]
			}
			w[j*nIn+i] = alpha * v
		}
	}
	return Layer{Kind: Dense, W: w, B: make([]float64, nOut)}, nil
}

// addBias folds an Add of a constant into the preceding Conv/Gemm/MatMul's bias.
func addBias(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	if _, err := nodeAttrs(n); err != nil {
		return nil, err
	}
	if len(in) != 2 || in[1].c == nil || s.layer == nil || !s.layer.linear() {
		return nil, unsupported(nodeName(n), n.GetOpType(),
			"Add is supported only as a constant bias right after a Conv, Gemm or MatMul")
	}
	b, err := channelValues(in[1].c, s.shape)
	if err != nil {
		return nil, unsupported(nodeName(n), n.GetOpType(), "bias: %v", err)
	}
	l := *s.layer
	l.B = append([]float64{}, l.B...)
	for j := range l.B {
		l.B[j] += b[j]
	}
	return replace(s, l), nil
}

// batchNorm folds an inference-mode BatchNormalization into the preceding Conv/Gemm/MatMul:
// y = (x - mean) * scale / sqrt(var + eps) + B, per output channel.
func batchNorm(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	a, err := nodeAttrs(n, "epsilon", "momentum", "training_mode")
	if err != nil {
		return nil, err
	}
	fail := refuser(n)
	if a.int("training_mode", 0) != 0 {
		return nil, fail("training_mode = 1 (export the model in eval mode)")
	}
	if s.layer == nil || !s.layer.linear() {
		return nil, fail("BatchNormalization is supported only right after a Conv, Gemm or MatMul (folded into it)")
	}
	l := *s.layer
	c := len(l.B)
	var p [4][]float64 // scale, B, mean, var
	for i := range p {
		if len(in) < 5 || in[i+1].c == nil || in[i+1].c.size() != c {
			return nil, fail("scale, B, mean and var must be constants with %d values", c)
		}
		p[i] = in[i+1].c.data
	}
	eps := float64(a.float("epsilon", 1e-5))
	l.W, l.B = append([]float64{}, l.W...), append([]float64{}, l.B...)
	per := len(l.W) / c
	for o := 0; o < c; o++ {
		f := p[0][o] / math.Sqrt(p[3][o]+eps)
		for i := o * per; i < (o+1)*per; i++ {
			l.W[i] *= f
		}
		l.B[o] = (l.B[o]-p[2][o])*f + p[1][o]
	}
	return replace(s, l), nil
}

// channelValues reads a constant that broadcasts to shape (batch first) and varies only along
// axis 1 (the channel): one value per channel.
func channelValues(t *tensor, shape []int) ([]float64, error) {
	bs, err := broadcastShape(shape, t.shape)
	if err != nil || len(bs) != len(shape) {
		return nil, fmt.Errorf("shape %v does not broadcast to %v", t.shape, shape)
	}
	for i := range bs {
		if bs[i] != shape[i] {
			return nil, fmt.Errorf("shape %v does not broadcast to %v", t.shape, shape)
		}
	}
	c, per := shape[1], prod(shape[2:])
	out := make([]float64, c)
	for ch := 0; ch < c; ch++ {
		out[ch] = t.data[broadcastIndex(ch*per, shape, t.shape)]
		for k := 1; k < per; k++ {
			if t.data[broadcastIndex(ch*per+k, shape, t.shape)] != out[ch] {
				return nil, fmt.Errorf("shape %v: a bias must be one value per channel", t.shape)
			}
		}
	}
	return out, nil
}
