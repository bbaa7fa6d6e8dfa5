package onnx_test

import (
	"math/rand"
	"testing"

	"google.golang.org/protobuf/proto"

	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// graph builds ONNX models with the onnxpb protobuf types, for tests that need graphs no exporter
// wrote (gonnx then runs them as the float reference).
type graph struct {
	g   pb.GraphProto
	rng *rand.Rand
}

func newGraph(inputShape ...int64) *graph {
	g := &graph{rng: rand.New(rand.NewSource(1))}
	g.g.Name = "test"
	g.g.Input = []*pb.ValueInfoProto{valueInfo("input", inputShape)}
	return g
}

func valueInfo(name string, shape []int64) *pb.ValueInfoProto {
	dims := make([]*pb.TensorShapeProto_Dimension, len(shape))
	for i, d := range shape {
		dims[i] = &pb.TensorShapeProto_Dimension{Value: &pb.TensorShapeProto_Dimension_DimValue{DimValue: d}}
	}
	return &pb.ValueInfoProto{Name: name, Type: &pb.TypeProto{Value: &pb.TypeProto_TensorType{
		TensorType: &pb.TypeProto_Tensor{ElemType: int32(pb.TensorProto_FLOAT), Shape: &pb.TensorShapeProto{Dim: dims}},
	}}}
}

// weights adds a float initializer of random values in ±scale.
func (g *graph) weights(name string, scale float64, shape ...int64) {
	n := int64(1)
	for _, d := range shape {
		n *= d
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = float32((g.rng.Float64()*2 - 1) * scale)
	}
	g.g.Initializer = append(g.g.Initializer, &pb.TensorProto{Name: name, Dims: shape, DataType: int32(pb.TensorProto_FLOAT), FloatData: v})
}

func (g *graph) ints(name string, v ...int64) {
	g.g.Initializer = append(g.g.Initializer, &pb.TensorProto{
		Name: name, Dims: []int64{int64(len(v))},
		DataType: int32(pb.TensorProto_INT64), Int64Data: v,
	})
}

type attr = *pb.AttributeProto

func intAttr(name string, v int64) attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_INT, I: v}
}

func intsAttr(name string, v ...int64) attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_INTS, Ints: v}
}

func floatAttr(name string, v float32) attr {
	return &pb.AttributeProto{Name: name, Type: pb.AttributeProto_FLOAT, F: v}
}

func (g *graph) node(op, name string, in, out []string, attrs ...attr) {
	g.g.Node = append(g.g.Node, &pb.NodeProto{OpType: op, Name: name, Input: in, Output: out, Attribute: attrs})
}

// model returns the encoded model with output "output" of the given shape, default opset 13.
func (g *graph) model(t testing.TB, opset int64, outShape ...int64) []byte {
	t.Helper()
	g.g.Output = []*pb.ValueInfoProto{valueInfo("output", outShape)}
	m := &pb.ModelProto{IrVersion: 7, Graph: &g.g, OpsetImport: []*pb.OperatorSetIdProto{{Version: opset}}}
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
