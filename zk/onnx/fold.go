package onnx

import (
	"fmt"
	"math"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// fold evaluates a node whose inputs are all constants (Shape also reads a computed value's
// static shape). Only what exporters emit around layers is folded: constants and shape
// arithmetic.
func fold(n *pb.NodeProto, in []value) (*tensor, error) {
	op := n.GetOpType()
	fail := refuser(n)
	c := func(i int) *tensor {
		if i < len(in) {
			return in[i].c
		}
		return nil
	}
	if op != "Constant" && (len(in) == 0 || in[0].c == nil && in[0].d == nil) {
		return nil, fail("the first input is missing")
	}
	switch op {
	case "Constant":
		return constantNode(n)
	case "Identity":
		return c(0), nil
	case "Shape":
		a, err := nodeAttrs(n, "start", "end")
		if err != nil {
			return nil, err
		}
		shape := in[0].shape()
		lo, hi := clampAxis(int(a.int("start", 0)), len(shape)), clampAxis(int(a.int("end", int64(len(shape)))), len(shape))
		t := &tensor{shape: []int{0}, isInt: true}
		for _, d := range shape[lo:max(lo, hi)] {
			t.data = append(t.data, float64(d))
		}
		t.shape[0] = len(t.data)
		return t, nil
	case "Gather":
		a, err := nodeAttrs(n, "axis")
		if err != nil {
			return nil, err
		}
		return gather(c(0), c(1), int(a.int("axis", 0)))
	case "Unsqueeze", "Squeeze":
		if _, err := nodeAttrs(n); err != nil {
			return nil, err
		}
		return squeeze(op == "Unsqueeze", c(0), c(1))
	case "Concat":
		a, err := nodeAttrs(n, "axis")
		if err != nil {
			return nil, err
		}
		ts := make([]*tensor, len(in))
		for i := range in {
			ts[i] = c(i)
		}
		return concat(ts, int(a.int("axis", 0)))
	case "Reshape":
		a, err := nodeAttrs(n, "allowzero")
		if err != nil {
			return nil, err
		}
		if a.int("allowzero", 0) != 0 {
			return nil, unsupported(nodeName(n), n.GetOpType(), "allowzero = 1 is not supported")
		}
		shape, err := targetShape(c(0).shape, c(1))
		if err != nil {
			return nil, fail("%v", err)
		}
		return &tensor{shape: shape, data: c(0).data, isInt: c(0).isInt}, nil
	case "Cast":
		a, err := nodeAttrs(n, "to", "saturate")
		if err != nil {
			return nil, err
		}
		return cast(c(0), pb.TensorProto_DataType(a.int("to", 0))) //nolint:gosec // G115: an ONNX data type enum, a small value
	case "Add", "Sub", "Mul", "Div":
		if _, err := nodeAttrs(n); err != nil {
			return nil, err
		}
		return arith(op, c(0), c(1))
	}
	return nil, fail("not supported on constants (only constant and shape computations fold)")
}

func (v value) shape() []int {
	if v.d != nil {
		return v.d.shape
	}
	return v.c.shape
}

func clampAxis(a, rank int) int {
	if a < 0 {
		a += rank
	}
	return min(max(a, 0), rank)
}

func constantNode(n *pb.NodeProto) (*tensor, error) {
	a, err := nodeAttrs(n, "value", "value_float", "value_floats", "value_int", "value_ints")
	if err != nil {
		return nil, err
	}
	switch {
	case a.has("value"):
		return tensorFromProto(a.m["value"].GetT())
	case a.has("value_float"):
		return &tensor{shape: []int{}, data: []float64{float64(a.float("value_float", 0))}}, nil
	case a.has("value_int"):
		return &tensor{shape: []int{}, data: []float64{float64(a.int("value_int", 0))}, isInt: true}, nil
	case a.has("value_floats"):
		fs := a.m["value_floats"].GetFloats()
		return &tensor{shape: []int{len(fs)}, data: convert(fs)}, nil
	case a.has("value_ints"):
		is := a.m["value_ints"].GetInts()
		return &tensor{shape: []int{len(is)}, data: convert(is), isInt: true}, nil
	}
	return nil, unsupported(nodeName(n), n.GetOpType(), "no value")
}

func cast(t *tensor, to pb.TensorProto_DataType) (*tensor, error) {
	switch to {
	case pb.TensorProto_FLOAT, pb.TensorProto_DOUBLE:
		return &tensor{shape: t.shape, data: t.data}, nil
	case pb.TensorProto_INT64, pb.TensorProto_INT32:
		out := &tensor{shape: t.shape, data: make([]float64, len(t.data)), isInt: true}
		for i, v := range t.data {
			out.data[i] = math.Trunc(v)
		}
		return out, nil
	}
	return nil, fmt.Errorf("cast to %s is not supported", to)
}
