package onnx

import (
	"fmt"
	"math"
)

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
