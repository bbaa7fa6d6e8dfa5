package onnx

import (
	"encoding/binary"
	"fmt"
	"math"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// elementType says how one ONNX element type is stored: its width in raw_data (little-endian)
// and the typed field the format assigns it otherwise.
type elementType struct {
	width int
	isInt bool
	raw   func(b []byte) float64
	typed func(tp *pb.TensorProto) []float64
}

// elementTypes are the element types the importer reads: floats and integers up to 32 bits
// and int64 (shape arithmetic). The narrow integers travel in int32_data, uint32 in uint64_data.
var elementTypes = map[pb.TensorProto_DataType]elementType{
	pb.TensorProto_FLOAT: {
		4, false,
		func(b []byte) float64 { return float64(math.Float32frombits(binary.LittleEndian.Uint32(b))) },
		func(tp *pb.TensorProto) []float64 { return convert(tp.GetFloatData()) },
	},
	pb.TensorProto_DOUBLE: {
		8, false,
		func(b []byte) float64 { return math.Float64frombits(binary.LittleEndian.Uint64(b)) },
		func(tp *pb.TensorProto) []float64 { return convert(tp.GetDoubleData()) },
	},
	pb.TensorProto_INT64: {
		8, true,
		func(b []byte) float64 { return float64(int64(binary.LittleEndian.Uint64(b))) },
		func(tp *pb.TensorProto) []float64 { return convert(tp.GetInt64Data()) },
	},
	pb.TensorProto_INT32: {
		4, true,
		func(b []byte) float64 { return float64(int32(binary.LittleEndian.Uint32(b))) },
		func(tp *pb.TensorProto) []float64 { return convert(tp.GetInt32Data()) },
	},
	pb.TensorProto_UINT32: {
		4, true,
		func(b []byte) float64 { return float64(binary.LittleEndian.Uint32(b)) },
		func(tp *pb.TensorProto) []float64 { return narrow[uint32](tp.GetUint64Data()) },
	},
	pb.TensorProto_INT16: {
		2, true,
		func(b []byte) float64 { return float64(int16(binary.LittleEndian.Uint16(b))) },
		func(tp *pb.TensorProto) []float64 { return narrow[int16](tp.GetInt32Data()) },
	},
	pb.TensorProto_UINT16: {
		2, true,
		func(b []byte) float64 { return float64(binary.LittleEndian.Uint16(b)) },
		func(tp *pb.TensorProto) []float64 { return narrow[uint16](tp.GetInt32Data()) },
	},
	pb.TensorProto_INT8: {
		1, true,
		func(b []byte) float64 { return float64(int8(b[0])) },
		func(tp *pb.TensorProto) []float64 { return narrow[int8](tp.GetInt32Data()) },
	},
	pb.TensorProto_UINT8: {
		1, true,
		func(b []byte) float64 { return float64(b[0]) },
		func(tp *pb.TensorProto) []float64 { return narrow[uint8](tp.GetInt32Data()) },
	},
}

// tensorValues decodes a TensorProto's values: the typed field when it holds any, raw_data
// otherwise. An UNDEFINED type is read from whichever of the float, int32, int64 or double
// fields is set, as exporters that omit the type mean it.
func tensorValues(tp *pb.TensorProto) ([]float64, bool, error) {
	dt := pb.TensorProto_DataType(tp.GetDataType())
	if dt == pb.TensorProto_UNDEFINED {
		switch {
		case len(tp.GetFloatData()) > 0:
			dt = pb.TensorProto_FLOAT
		case len(tp.GetInt32Data()) > 0:
			dt = pb.TensorProto_INT32
		case len(tp.GetInt64Data()) > 0:
			dt = pb.TensorProto_INT64
		case len(tp.GetDoubleData()) > 0:
			dt = pb.TensorProto_DOUBLE
		}
	}
	et, ok := elementTypes[dt]
	if !ok {
		return nil, false, fmt.Errorf("element type %s is not supported (float, double or integers)", dt)
	}
	if typed := et.typed(tp); len(typed) > 0 {
		return typed, et.isInt, nil
	}
	raw := tp.GetRawData()
	if len(raw)%et.width != 0 {
		return nil, false, fmt.Errorf("raw_data of %d bytes is not a whole number of %s values", len(raw), dt)
	}
	out := make([]float64, len(raw)/et.width)
	for i := range out {
		out[i] = et.raw(raw[i*et.width:])
	}
	return out, et.isInt, nil
}

func convert[T float32 | float64 | int64 | int32](d []T) []float64 {
	out := make([]float64, len(d))
	for i, x := range d {
		out[i] = float64(x)
	}
	return out
}

// narrow reads values the format stores in a wider field (int32_data, uint64_data).
func narrow[T int8 | uint8 | int16 | uint16 | uint32, W int32 | uint64](d []W) []float64 {
	out := make([]float64, len(d))
	for i, x := range d {
		out[i] = float64(T(x))
	}
	return out
}
