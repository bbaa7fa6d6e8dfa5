package onnx

import (
	"fmt"
	"math"

	pb "github.com/advancedclimatesystems/gonnx/onnx"
)

// fold evaluates a node whose inputs are all constants (Shape also reads a computed value's
// static shape). Only what exporters emit around layers is folded: constants and shape
// arithmetic.
func fold(n *pb.NodeProto, in []value) (*tensor, error) {
	op := n.GetOpType()
	fail := func(format string, args ...any) error { return unsupported(n.GetName(), op, format, args...) }
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
		if _, err := nodeAttrs(n, "allowzero"); err != nil {
			return nil, err
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
		return cast(c(0), pb.TensorProto_DataType(a.int("to", 0)))
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
	return nil, unsupported(n.GetName(), n.GetOpType(), "no value")
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

// gather implements ONNX Gather on constants (negative indices count from the end).
func gather(data, idx *tensor, axis int) (*tensor, error) {
	if data == nil || idx == nil {
		return nil, fmt.Errorf("gather needs data and indices")
	}
	r := len(data.shape)
	if axis < -r || axis >= r {
		return nil, fmt.Errorf("gather axis %d out of range for rank %d", axis, r)
	}
	axis = (axis + r) % r
	ids, err := idx.ints()
	if err != nil {
		return nil, err
	}
	outer, dim, inner := prod(data.shape[:axis]), data.shape[axis], prod(data.shape[axis+1:])
	shape := append(append(append([]int{}, data.shape[:axis]...), idx.shape...), data.shape[axis+1:]...)
	out := &tensor{shape: shape, isInt: data.isInt}
	for o := 0; o < outer; o++ {
		for _, k := range ids {
			if k < -dim || k >= dim {
				return nil, fmt.Errorf("gather index %d out of range [%d, %d)", k, -dim, dim)
			}
			k = (k + dim) % dim
			out.data = append(out.data, data.data[(o*dim+k)*inner:(o*dim+k+1)*inner]...)
		}
	}
	return out, nil
}

// squeeze implements Unsqueeze (insert axes of size 1) and Squeeze (remove them) with the axes
// as an input (opset 13).
func squeeze(insert bool, t, axesT *tensor) (*tensor, error) {
	if t == nil {
		return nil, fmt.Errorf("missing data")
	}
	var axes []int
	if axesT != nil {
		var err error
		if axes, err = axesT.ints(); err != nil {
			return nil, err
		}
	}
	rank := len(t.shape)
	if insert {
		rank += len(axes)
	}
	mark := make([]bool, rank)
	for _, a := range axes {
		if a < -rank || a >= rank || mark[(a+rank)%rank] {
			return nil, fmt.Errorf("axis %d out of range or repeated", a)
		}
		mark[(a+rank)%rank] = true
	}
	var shape []int
	if insert {
		src := 0
		for i := range mark {
			if mark[i] {
				shape = append(shape, 1)
			} else {
				shape = append(shape, t.shape[src])
				src++
			}
		}
	} else {
		for i, d := range t.shape {
			if mark[i] || axesT == nil && d == 1 {
				if d != 1 {
					return nil, fmt.Errorf("cannot squeeze axis %d of size %d", i, d)
				}
				continue
			}
			shape = append(shape, d)
		}
	}
	return &tensor{shape: shape, data: t.data, isInt: t.isInt}, nil
}

func concat(ts []*tensor, axis int) (*tensor, error) {
	if len(ts) == 0 || ts[0] == nil {
		return nil, fmt.Errorf("nothing to concatenate")
	}
	r := len(ts[0].shape)
	if axis < -r || axis >= r {
		return nil, fmt.Errorf("concat axis %d out of range for rank %d", axis, r)
	}
	axis = (axis + r) % r
	shape := append([]int{}, ts[0].shape...)
	shape[axis] = 0
	for _, t := range ts {
		if t == nil || len(t.shape) != r {
			return nil, fmt.Errorf("concat of tensors of different ranks")
		}
		for i := range shape {
			if i != axis && t.shape[i] != shape[i] {
				return nil, fmt.Errorf("concat of shapes %v and %v", ts[0].shape, t.shape)
			}
		}
		shape[axis] += t.shape[axis]
	}
	out := &tensor{shape: shape, isInt: ts[0].isInt}
	outer := prod(shape[:axis])
	for o := 0; o < outer; o++ {
		for _, t := range ts {
			blk := t.shape[axis] * prod(t.shape[axis+1:])
			out.data = append(out.data, t.data[o*blk:(o+1)*blk]...)
		}
	}
	return out, nil
}

// targetShape resolves a Reshape target against the current shape (0 copies a dimension, -1 is
// inferred).
func targetShape(cur []int, target *tensor) ([]int, error) {
	if target == nil {
		return nil, fmt.Errorf("reshape target must be a constant")
	}
	want, err := target.ints()
	if err != nil {
		return nil, err
	}
	total, known, infer := prod(cur), 1, -1
	shape := make([]int, len(want))
	for i, d := range want {
		switch {
		case d == 0 && i < len(cur):
			d = cur[i]
		case d == -1 && infer < 0:
			infer = i
			continue
		case d < 1:
			return nil, fmt.Errorf("reshape target %v", want)
		}
		shape[i] = d
		known *= d
	}
	if infer >= 0 && known > 0 && total%known == 0 {
		shape[infer] = total / known
		known = total
	}
	if known != total {
		return nil, fmt.Errorf("cannot reshape %v to %v", cur, want)
	}
	return shape, nil
}

// arith folds Add, Sub, Mul and Div with ONNX (numpy) broadcasting. Integer Div truncates.
func arith(op string, a, b *tensor) (*tensor, error) {
	if a == nil || b == nil {
		return nil, fmt.Errorf("%s needs two inputs", op)
	}
	shape, err := broadcastShape(a.shape, b.shape)
	if err != nil {
		return nil, err
	}
	n := prod(shape)
	out := &tensor{shape: shape, data: make([]float64, n), isInt: a.isInt && b.isInt}
	for i := range out.data {
		x, y := a.data[broadcastIndex(i, shape, a.shape)], b.data[broadcastIndex(i, shape, b.shape)]
		switch op {
		case "Add":
			out.data[i] = x + y
		case "Sub":
			out.data[i] = x - y
		case "Mul":
			out.data[i] = x * y
		case "Div":
			if y == 0 {
				return nil, fmt.Errorf("division by zero")
			}
			out.data[i] = x / y
			if out.isInt {
				out.data[i] = math.Trunc(out.data[i])
			}
		}
	}
	return out, nil
}

func broadcastShape(a, b []int) ([]int, error) {
	r := max(len(a), len(b))
	out := make([]int, r)
	for i := range out {
		da, db := dimFromEnd(a, r-1-i), dimFromEnd(b, r-1-i)
		switch {
		case da == db || db == 1:
			out[i] = da
		case da == 1:
			out[i] = db
		default:
			return nil, fmt.Errorf("shapes %v and %v do not broadcast", a, b)
		}
	}
	return out, nil
}

// dimFromEnd is the k-th dimension counted from the last (0 = last), 1 beyond the rank.
func dimFromEnd(shape []int, k int) int {
	if k < len(shape) {
		return shape[len(shape)-1-k]
	}
	return 1
}

// broadcastIndex maps flat index i of the broadcast shape to the flat index in a tensor of shape src.
func broadcastIndex(i int, shape, src []int) int {
	idx, stride := 0, 1
	for k := 0; k < len(src); k++ {
		d := len(shape) - 1 - k
		coord := (i / prod(shape[d+1:])) % shape[d]
		sd := src[len(src)-1-k]
		if sd != 1 {
			idx += coord * stride
		}
		stride *= sd
	}
	return idx
}
