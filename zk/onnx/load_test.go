package onnx_test

import (
	"errors"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/advancedclimatesystems/gonnx"
	gt "gorgonia.org/tensor"

	"github.com/hyra-network/hyra/zk/onnx"
	pb "github.com/hyra-network/hyra/zk/onnx/onnxpb"
)

// helperGraph is a network with what exporters emit around layers: a strided padded Conv, the
// Shape -> Gather -> Unsqueeze -> Concat -> Reshape flatten of x.view(x.size(0), -1), MatMul +
// Add, and a Gemm with alpha, beta and an untransposed B.
func helperGraph(t testing.TB) []byte {
	t.Helper()
	g := newGraph(1, 2, 9, 9)
	g.weights("w1", 0.4, 4, 2, 3, 3)
	g.weights("b1", 0.2, 4)
	g.weights("w2", 0.2, 100, 8)
	g.weights("b2", 0.2, 8)
	g.weights("w3", 0.5, 8, 3)
	g.weights("c3", 0.5, 3)
	g.g.Initializer = append(g.g.Initializer, &pb.TensorProto{Name: "zero", DataType: int32(pb.TensorProto_INT64), Int64Data: []int64{0}})
	g.ints("axes", 0)
	g.ints("minus_one", -1)
	g.node("Conv", "conv1", []string{"input", "w1", "b1"}, []string{"c1"},
		intsAttr("kernel_shape", 3, 3), intsAttr("pads", 1, 1, 1, 1), intsAttr("strides", 2, 2))
	g.node("Relu", "relu1", []string{"c1"}, []string{"r1"})
	g.node("Shape", "shape", []string{"r1"}, []string{"s"})
	g.node("Gather", "gather", []string{"s", "zero"}, []string{"batch"}, intAttr("axis", 0))
	g.node("Unsqueeze", "unsqueeze", []string{"batch", "axes"}, []string{"batch1"})
	g.node("Concat", "concat", []string{"batch1", "minus_one"}, []string{"shape2"}, intAttr("axis", 0))
	g.node("Reshape", "reshape", []string{"r1", "shape2"}, []string{"flat"})
	g.node("MatMul", "matmul", []string{"flat", "w2"}, []string{"m"})
	g.node("Add", "bias", []string{"m", "b2"}, []string{"a"})
	g.node("Relu", "relu2", []string{"a"}, []string{"r2"})
	g.node("Gemm", "gemm", []string{"r2", "w3", "c3"}, []string{"output"}, floatAttr("alpha", 0.5), floatAttr("beta", 2))
	return g.model(t, 13, 1, 3)
}

// TestForwardMatchesGonnx checks the loaded network (helper nodes folded) computes what gonnx,
// an independent ONNX runtime, computes for the same file.
func TestForwardMatchesGonnx(t *testing.T) {
	b := helperGraph(t)
	net, err := onnx.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, l := range net.Layers {
		kinds = append(kinds, l.Kind.String())
	}
	if got := strings.Join(kinds, " "); got != "conv2d relu flatten dense relu dense" {
		t.Fatalf("layers %q", got)
	}
	rng := rand.New(rand.NewSource(2))
	for k := 0; k < 20; k++ {
		// A fresh gonnx model per run: its Conv reshapes the bias parameter in place, so a second
		// Run of the same model fails.
		ref, err := gonnx.NewModelFromBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		x32, x := make([]float32, 162), make([]float64, 162)
		for i := range x {
			x32[i] = float32(rng.Float64())
			x[i] = float64(x32[i])
		}
		out, err := ref.Run(gonnx.Tensors{"input": gt.New(gt.WithShape(1, 2, 9, 9), gt.WithBacking(x32))})
		if err != nil {
			t.Fatal(err)
		}
		want := out["output"].Data().([]float32)
		got := net.Forward(x, nil)
		for i := range want {
			if math.Abs(got[i]-float64(want[i])) > 1e-4*(1+math.Abs(float64(want[i]))) {
				t.Fatalf("sample %d: output %d = %v, gonnx %v", k, i, got[i], want[i])
			}
		}
	}
}

// TestQuantizedTracksFloat imports the helper graph and checks the integer outputs, scaled back,
// stay within int8 rounding of the float ones on inputs the calibration did not see.
func TestQuantizedTracksFloat(t *testing.T) {
	b := helperGraph(t)
	rng := rand.New(rand.NewSource(3))
	sample := func() []int64 {
		s := make([]int64, 162)
		for i := range s {
			s[i] = rng.Int63n(256)
		}
		return s
	}
	data := &onnx.Dataset{}
	for i := 0; i < 100; i++ {
		data.Samples = append(data.Samples, sample())
	}
	pre := onnx.Preprocess{Scale: 1.0 / 255, Std: []float64{0.5, 2}, Min: 0, Max: 255}
	res, err := onnx.Import(b, data, onnx.Config{Name: "t", Pre: pre, Options: onnx.DefaultOptions})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Net.Notes) != 0 {
		t.Fatalf("notes %q: the fold of a zero mean is exact", res.Net.Notes)
	}
	outScale := res.OutputScale
	worst := 0.0
	for k := 0; k < 50; k++ {
		raw := sample()
		x, err := pre.Normalize(res.Net.InputShape, raw)
		if err != nil {
			t.Fatal(err)
		}
		f := res.Net.Forward(x, nil)
		q, err := res.Artifact.Infer(raw)
		if err != nil {
			t.Fatal(err)
		}
		for i := range f {
			worst = math.Max(worst, math.Abs(float64(q[i])*outScale-f[i])/(1+math.Abs(f[i])))
		}
	}
	if worst > 0.01 {
		t.Fatalf("quantized outputs differ from float by up to %.4f (relative)", worst)
	}
	// A mean folded into a padded first conv is not exact at the borders: the import says so.
	pre.Mean = []float64{0.5, 0.25}
	if res, err = onnx.Import(b, data, onnx.Config{Name: "t", Pre: pre, Options: onnx.DefaultOptions}); err != nil {
		t.Fatal(err)
	}
	if len(res.Net.Notes) != 1 || !strings.Contains(res.Net.Notes[0], "pads its input") {
		t.Fatalf("notes %q: want the padded-fold note", res.Net.Notes)
	}
}

func TestRefusalsNameTheNode(t *testing.T) {
	dense := func(g *graph, in string) { // input [1,4] -> "fc" Gemm -> h
		g.weights("w", 1, 3, 4)
		g.node("Gemm", "fc", []string{in, "w"}, []string{"h"}, intAttr("transB", 1))
	}
	conv := func(g *graph, attrs ...attr) {
		g.weights("cw", 1, 2, 1, 3, 3)
		g.node("Conv", "conv", []string{"input", "cw"}, []string{"output"}, attrs...)
	}
	cases := []struct {
		name, node string
		build      func() []byte
	}{
		{"sigmoid", "act", func() []byte {
			g := newGraph(1, 4)
			dense(g, "input")
			g.node("Sigmoid", "act", []string{"h"}, []string{"output"})
			return g.model(t, 13, 1, 3)
		}},
		{"softmax in the middle", "sm", func() []byte {
			g := newGraph(1, 4)
			g.node("Softmax", "sm", []string{"input"}, []string{"p"}, intAttr("axis", 1))
			dense(g, "p")
			g.node("Relu", "r", []string{"h"}, []string{"output"})
			return g.model(t, 13, 1, 3)
		}},
		{"residual add", "res", func() []byte {
			g := newGraph(1, 4)
			g.node("Relu", "r", []string{"input"}, []string{"r1"})
			g.node("Add", "res", []string{"input", "r1"}, []string{"output"})
			return g.model(t, 13, 1, 4)
		}},
		{"grouped conv", "conv", func() []byte {
			g := newGraph(1, 2, 6, 6)
			g.weights("cw", 1, 2, 1, 3, 3)
			g.node("Conv", "conv", []string{"input", "cw"}, []string{"output"}, intAttr("group", 2))
			return g.model(t, 13, 1, 2, 4, 4)
		}},
		{"dilated conv", "conv", func() []byte {
			g := newGraph(1, 1, 6, 6)
			conv(g, intsAttr("dilations", 2, 2))
			return g.model(t, 13, 1, 2, 2, 2)
		}},
		{"padded maxpool", "pool", func() []byte {
			g := newGraph(1, 1, 6, 6)
			g.node("MaxPool", "pool", []string{"input"}, []string{"output"}, intsAttr("kernel_shape", 2, 2), intsAttr("pads", 1, 1, 1, 1))
			return g.model(t, 13, 1, 1, 4, 4)
		}},
		{"batchnorm after relu", "bn", func() []byte {
			g := newGraph(1, 4)
			dense(g, "input")
			g.node("Relu", "r", []string{"h"}, []string{"r1"})
			for _, p := range []string{"s", "b", "m", "v"} {
				g.weights(p, 1, 3)
			}
			g.node("BatchNormalization", "bn", []string{"r1", "s", "b", "m", "v"}, []string{"output"})
			return g.model(t, 13, 1, 3)
		}},
		{"unknown attribute", "fc", func() []byte {
			g := newGraph(1, 4)
			g.weights("w", 1, 3, 4)
			g.node("Gemm", "fc", []string{"input", "w"}, []string{"output"}, intAttr("transB", 1), intAttr("future", 1))
			return g.model(t, 13, 1, 3)
		}},
		{"unnamed node", "output sig", func() []byte { // the onnx helpers do not require names
			g := newGraph(1, 4)
			dense(g, "input")
			g.node("Sigmoid", "", []string{"h"}, []string{"sig"})
			g.node("Relu", "r", []string{"sig"}, []string{"output"})
			return g.model(t, 13, 1, 3)
		}},
		{"dynamic dimension", "input", func() []byte {
			g := newGraph(1, 4)
			g.g.Input[0].Type.GetTensorType().Shape.Dim[0].Value = &pb.TensorShapeProto_Dimension_DimParam{DimParam: "batch"}
			dense(g, "input")
			g.node("Relu", "r", []string{"h"}, []string{"output"})
			return g.model(t, 13, 1, 3)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := onnx.Load(c.build())
			var ue *onnx.UnsupportedError
			if !errors.As(err, &ue) || ue.Node != c.node {
				t.Fatalf("error %v: want an UnsupportedError naming %q", err, c.node)
			}
			if !strings.Contains(err.Error(), "supported: Gemm") {
				t.Fatalf("error %q does not list what is supported", err)
			}
		})
	}
}

func TestRefusesOldOpset(t *testing.T) {
	g := newGraph(1, 4)
	g.weights("w", 1, 3, 4)
	g.node("Gemm", "fc", []string{"input", "w"}, []string{"output"}, intAttr("transB", 1))
	if _, err := onnx.Load(g.model(t, 11, 1, 3)); err == nil || !strings.Contains(err.Error(), "opset 11") {
		t.Fatalf("error %v: want the opset refused", err)
	}
}

// TestSignedAndWideOutputs covers two requant cases the MNIST models do not reach: a hidden layer
// with no ReLU (a signed activation scale) and 16-bit widths, whose output accumulators could
// exceed int32 and get a final shift (folded into OutputScale).
func TestSignedAndWideOutputs(t *testing.T) {
	g := newGraph(1, 16)
	g.weights("w1", 1, 16, 12)
	g.weights("b1", 1, 12)
	g.weights("w2", 1, 3, 12)
	g.node("MatMul", "mm", []string{"input", "w1"}, []string{"m"})
	g.node("Add", "bias", []string{"b1", "m"}, []string{"h"}) // the constant first: Add commutes
	g.node("Gemm", "fc", []string{"h", "w2"}, []string{"output"}, intAttr("transB", 1))
	b := g.model(t, 13, 1, 3)
	rng := rand.New(rand.NewSource(8))
	data := &onnx.Dataset{}
	for i := 0; i < 100; i++ {
		s := make([]int64, 16)
		for j := range s {
			s[j] = rng.Int63n(256)
		}
		data.Samples = append(data.Samples, s)
	}
	net, err := onnx.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	outMax := 0.0 // the output range: rounding errors are a fraction of it
	for _, raw := range data.Samples {
		for _, v := range net.Forward(toFloat(raw), nil) {
			outMax = math.Max(outMax, math.Abs(v))
		}
	}
	for _, bits := range []int{8, 16} {
		opt := onnx.Options{WeightBits: bits, ActivationBits: bits, MultiplierBits: 12}
		res, err := onnx.Import(b, data, onnx.Config{Name: "t", Pre: onnx.DefaultPreprocess(), Options: opt})
		if err != nil {
			t.Fatal(err)
		}
		last := res.Artifact.Ops[len(res.Artifact.Ops)-1]
		if wide := last.Kind == "requant" && last.Multiplier == 1; wide != (bits == 16) {
			t.Fatalf("%d bits: last op %+v", bits, last.Kind)
		}
		for _, raw := range data.Samples[:20] {
			f := res.Net.Forward(toFloat(raw), nil)
			q, err := res.Artifact.Infer(raw)
			if err != nil {
				t.Fatal(err)
			}
			tol := math.Ldexp(5, -bits) * outMax // 8 bits: 2% of the output range; 16 bits: 0.008%
			for i := range f {
				if math.Abs(float64(q[i])*res.OutputScale-f[i]) > tol {
					t.Fatalf("%d bits: output %d = %d (x %g), float %v", bits, i, q[i], res.OutputScale, f[i])
				}
			}
		}
	}
}
