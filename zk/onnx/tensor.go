package onnx

import (
	"fmt"

	pb "github.com/advancedclimatesystems/gonnx/onnx"
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

// tensorFromProto converts an ONNX TensorProto with gonnx's decoder (raw_data or the typed
// fields, little-endian as the format defines).
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
	gt, err := pb.TensorFromProto(tp)
	if err != nil {
		return nil, fmt.Errorf("tensor %q: %w", tp.GetName(), err)
	}
	data, isInt, err := toFloat64(gt.Data())
	if err != nil {
		return nil, fmt.Errorf("tensor %q: %w", tp.GetName(), err)
	}
	if len(data) != n {
		return nil, fmt.Errorf("tensor %q: %d values for shape %v", tp.GetName(), len(data), shape)
	}
	return &tensor{shape: shape, data: data, isInt: isInt}, nil
}

// toFloat64 converts the backing data gonnx decoded (a slice, or a single value for a scalar).
func toFloat64(v any) ([]float64, bool, error) {
	switch d := v.(type) {
	case []float32:
		return convert(d), false, nil
	case []float64:
		return convert(d), false, nil
	case []int64:
		return convert(d), true, nil
	case []int32:
		return convert(d), true, nil
	case []int16:
		return convert(d), true, nil
	case []int8:
		return convert(d), true, nil
	case []uint8:
		return convert(d), true, nil
	case []uint16:
		return convert(d), true, nil
	case []uint32:
		return convert(d), true, nil
	case float32:
		return []float64{float64(d)}, false, nil
	case float64:
		return []float64{d}, false, nil
	case int64:
		return []float64{float64(d)}, true, nil
	case int32:
		return []float64{float64(d)}, true, nil
	}
	return nil, false, fmt.Errorf("element type %T is not supported (float, double or integers)", v)
}

func convert[T float32 | float64 | int64 | int32 | int16 | int8 | uint8 | uint16 | uint32](d []T) []float64 {
	out := make([]float64, len(d))
	for i, x := range d {
		out[i] = float64(x)
	}
	return out
}
