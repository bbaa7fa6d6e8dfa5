package onnx

import (
	"fmt"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// tensor is a constant of the graph (an initializer, a Constant node or a folded shape
// computation). Values are float64 whatever the ONNX element type: weights are float32 and shape
// arithmetic uses small int64 values, both exact in float64. isInt keeps integer semantics for
// the folding of integer arithmetic (Div truncates).
type tensor struct {
	shape []int
	data  []float64
	isInt bool
}

func (t *tensor) size() int { return len(t.data) }

// ints returns the values as integers (shape arithmetic), refusing fractional values.
func (t *tensor) ints() ([]int, error) {
	out := make([]int, len(t.data))
	for i, v := range t.data {
		if v != float64(int64(v)) {
			return nil, fmt.Errorf("value %v is not an integer", v)
		}
		out[i] = int(v)
	}
	return out, nil
}

// maxElements bounds any constant the importer materialises (weights and folded shapes): far
// above any model the artifact format accepts (2^20 weights), so a hostile file cannot make the
// importer allocate without bound.
const maxElements = 1 << 26

func numElements(shape []int) (int, error) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, fmt.Errorf("negative dimension %d", d)
		}
		if d > 0 && n > maxElements/d {
			return 0, fmt.Errorf("more than %d elements", maxElements)
		}
		n *= d
	}
	return n, nil
}

// tensorFromProto converts an ONNX TensorProto (raw_data or the typed field, little-endian as
// the format defines) to a float64 tensor.
func tensorFromProto(tp *pb.TensorProto) (*tensor, error) {
	if tp.GetDataLocation() == pb.TensorProto_EXTERNAL || len(tp.GetExternalData()) > 0 {
		return nil, fmt.Errorf("tensor %q is stored in an external file (export the model as one file)", tp.GetName())
	}
	shape := make([]int, len(tp.GetDims()))
	for i, d := range tp.GetDims() {
		if d < 0 || d > maxElements {
			return nil, fmt.Errorf("tensor %q: dimension %d out of range", tp.GetName(), d)
		}
		shape[i] = int(d)
	}
	n, err := numElements(shape)
	if err != nil {
		return nil, fmt.Errorf("tensor %q: %w", tp.GetName(), err)
	}
	data, isInt, err := tensorValues(tp)
	if err != nil {
		return nil, fmt.Errorf("tensor %q: %w", tp.GetName(), err)
	}
	if len(data) != n {
		return nil, fmt.Errorf("tensor %q: %d values for shape %v", tp.GetName(), len(data), shape)
	}
	return &tensor{shape: shape, data: data, isInt: isInt}, nil
}
