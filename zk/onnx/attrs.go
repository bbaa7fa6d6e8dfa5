package onnx

import (
	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// attrs reads a node's attributes, refusing any the importer does not know for that operator
// (an attribute it ignored could change what the node computes).
type attrs struct {
	node *pb.NodeProto
	m    map[string]*pb.AttributeProto
}

func nodeAttrs(n *pb.NodeProto, known ...string) (attrs, error) {
	a := attrs{node: n, m: map[string]*pb.AttributeProto{}}
	for _, at := range n.GetAttribute() {
		ok := false
		for _, k := range known {
			ok = ok || at.GetName() == k
		}
		if !ok {
			return a, unsupported(nodeName(n), n.GetOpType(), "attribute %q is not supported", at.GetName())
		}
		a.m[at.GetName()] = at
	}
	return a, nil
}

func (a attrs) has(name string) bool { _, ok := a.m[name]; return ok }

func (a attrs) int(name string, def int64) int64 {
	if at, ok := a.m[name]; ok {
		return at.GetI()
	}
	return def
}

func (a attrs) float(name string, def float32) float32 {
	if at, ok := a.m[name]; ok {
		return at.GetF()
	}
	return def
}

func (a attrs) str(name, def string) string {
	if at, ok := a.m[name]; ok {
		return string(at.GetS())
	}
	return def
}

func (a attrs) ints(name string) []int {
	at, ok := a.m[name]
	if !ok {
		return nil
	}
	out := make([]int, len(at.GetInts()))
	for i, v := range at.GetInts() {
		out[i] = int(v)
	}
	return out
}

// allEqual reports whether every element of v equals x (true for an empty v).
func allEqual(v []int, x int) bool {
	for _, y := range v {
		if y != x {
			return false
		}
	}
	return true
}

// pair reads a 2-element attribute (kernel_shape, strides), def when absent.
func (a attrs) pair(name string, def [2]int) ([2]int, error) {
	v := a.ints(name)
	if v == nil {
		return def, nil
	}
	if len(v) != 2 || v[0] < 1 || v[1] < 1 {
		return def, unsupported(nodeName(a.node), a.node.GetOpType(), "%s = %v, want two positive values (2-D)", name, v)
	}
	return [2]int{v[0], v[1]}, nil
}

// pads4 reads a 2-D pads attribute [top, left, bottom, right] (ONNX order: all begins, then all ends).
func (a attrs) pads4() ([4]int, error) {
	v := a.ints("pads")
	if v == nil {
		return [4]int{}, nil
	}
	if len(v) != 4 || v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0 {
		return [4]int{}, unsupported(nodeName(a.node), a.node.GetOpType(), "pads = %v, want 4 non-negative values (2-D)", v)
	}
	return [4]int{v[0], v[1], v[2], v[3]}, nil
}

// autoPad accepts NOTSET and VALID (no padding); SAME_* would pad by a rule the importer does
// not reproduce.
func (a attrs) autoPad() error {
	if p := a.str("auto_pad", "NOTSET"); p != "NOTSET" && p != "VALID" {
		return unsupported(nodeName(a.node), a.node.GetOpType(), "auto_pad %s (use explicit pads)", p)
	}
	return nil
}
