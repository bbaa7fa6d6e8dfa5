package onnx

import (
	"fmt"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// pool handles MaxPool and AveragePool without padding (the artifact's pools do not pad).
func pool(n *pb.NodeProto, s *stage) (*stage, error) {
	a, err := nodeAttrs(n, "auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads",
		"storage_order", "strides")
	if err != nil {
		return nil, err
	}
	fail := refuser(n)
	if err := a.autoPad(); err != nil {
		return nil, err
	}
	if len(s.shape) != 4 {
		return nil, fail("input shape %v, want [1, C, H, W]", s.shape)
	}
	if s.layer != nil && s.layer.Kind == pad {
		return nil, fail("a padded input (Pad node %q): pools without padding only", s.layer.Node)
	}
	if !a.has("kernel_shape") {
		return nil, fail("kernel_shape is required")
	}
	k, err := a.pair("kernel_shape", [2]int{})
	if err != nil {
		return nil, err
	}
	stride, err := a.pair("strides", [2]int{1, 1})
	if err != nil {
		return nil, err
	}
	if p := a.ints("pads"); !allEqual(p, 0) {
		return nil, fail("pads = %v (pools without padding only)", p)
	}
	if d := a.ints("dilations"); !allEqual(d, 1) {
		return nil, fail("dilations = %v (only 1)", d)
	}
	if a.int("storage_order", 0) != 0 {
		return nil, fail("storage_order = 1 is not supported")
	}
	h, w := s.shape[2], s.shape[3]
	if h < k[0] || w < k[1] {
		return nil, fail("kernel %v larger than the input %v", k, s.shape)
	}
	if a.int("ceil_mode", 0) != 0 && ((h-k[0])%stride[0] != 0 || (w-k[1])%stride[1] != 0) {
		return nil, fail("ceil_mode = 1 with a partial last window (floor mode only)")
	}
	kind := MaxPool
	if n.GetOpType() == "AveragePool" {
		kind = AvgPool
	}
	out := []int{1, s.shape[1], (h-k[0])/stride[0] + 1, (w-k[1])/stride[1] + 1}
	return push(s, Layer{Kind: kind, Kernel: k, Stride: stride}, n, out), nil
}

// flatten handles Flatten and Reshape of a computed value: only to [1, K] (a no-op on values),
// or a Reshape to the same shape.
func flatten(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	var target []int
	if n.GetOpType() == "Flatten" {
		a, err := nodeAttrs(n, "axis")
		if err != nil {
			return nil, err
		}
		axis := clampAxis(int(a.int("axis", 1)), len(s.shape))
		target = []int{prod(s.shape[:axis]), prod(s.shape[axis:])}
	} else {
		a, err := nodeAttrs(n, "allowzero")
		if err != nil {
			return nil, err
		}
		if a.int("allowzero", 0) != 0 {
			return nil, unsupported(nodeName(n), n.GetOpType(), "allowzero = 1 is not supported")
		}
		var t *tensor
		if len(in) > 1 {
			t = in[1].c
		}
		if target, err = targetShape(s.shape, t); err != nil {
			return nil, unsupported(nodeName(n), n.GetOpType(), "%v", err)
		}
	}
	switch {
	case fmt.Sprint(target) == fmt.Sprint(s.shape):
		return s, nil
	case len(target) != 2 || target[0] != 1:
		return nil, unsupported(nodeName(n), n.GetOpType(), "reshape %v to %v (only to [1, -1])", s.shape, target)
	}
	return push(s, Layer{Kind: Flatten}, n, target), nil
}

// padLayer records a zero Pad of H and W, folded into the Conv that must follow.
func padLayer(n *pb.NodeProto, s *stage, in []value) (*stage, error) {
	a, err := nodeAttrs(n, "mode")
	if err != nil {
		return nil, err
	}
	fail := refuser(n)
	if m := a.str("mode", "constant"); m != "constant" {
		return nil, fail("mode %q (only constant zeros, folded into the next Conv)", m)
	}
	if len(in) > 3 && in[3].c != nil {
		return nil, fail("the axes input is not supported")
	}
	if len(in) > 2 && in[2].c != nil && (in[2].c.size() != 1 || in[2].c.data[0] != 0) {
		return nil, fail("constant_value must be 0")
	}
	if len(in) < 2 || in[1].c == nil || len(s.shape) != 4 {
		return nil, fail("pads must be a constant and the input [1, C, H, W]")
	}
	p, err := in[1].c.ints()
	if err != nil || len(p) != 8 || p[0] != 0 || p[1] != 0 || p[4] != 0 || p[5] != 0 || !nonNegative(p) {
		return nil, fail("pads %v: only non-negative padding of H and W", in[1].c.data)
	}
	l := Layer{Kind: pad, Pads: [4]int{p[2], p[3], p[6], p[7]}}
	if l.Pads == [4]int{} { // torch exports AvgPool2d(padding=0) as a zero Pad + AveragePool
		return s, nil
	}
	if s.layer != nil && s.layer.Kind == pad {
		for i := range l.Pads {
			l.Pads[i] += s.layer.Pads[i]
		}
		s = s.prev
	}
	shape := []int{1, s.shape[1], s.shape[2] + l.Pads[0] + l.Pads[2], s.shape[3] + l.Pads[1] + l.Pads[3]}
	return push(s, l, n, shape), nil
}

func nonNegative(v []int) bool {
	for _, x := range v {
		if x < 0 {
			return false
		}
	}
	return true
}

// finalSoftmax drops a Softmax/LogSoftmax over the classes that produces the graph output: both
// are strictly increasing per element, so the argmax is unchanged. Anywhere else it is refused.
func (w *walker) finalSoftmax(n *pb.NodeProto, s *stage, last bool) (*stage, error) {
	a, err := nodeAttrs(n, "axis")
	if err != nil {
		return nil, err
	}
	if !last {
		return nil, unsupported(nodeName(n), n.GetOpType(),
			"a Softmax/LogSoftmax is supported only as the last node (dropped: the argmax is unchanged)")
	}
	if len(s.shape) != 2 || clampAxis(int(a.int("axis", -1)), 2) != 1 {
		return nil, unsupported(nodeName(n), n.GetOpType(), "only over the classes of a [1, K] output")
	}
	w.notes = append(w.notes, fmt.Sprintf("dropped the final %s %q: the artifact outputs the logits (same argmax)",
		n.GetOpType(), n.GetName()))
	return s, nil
}
