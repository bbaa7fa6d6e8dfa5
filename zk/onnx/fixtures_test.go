package onnx_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/onnx"
)

// fixtureDir holds the ONNX graphs written by zk/models/train/onnx_fixtures.py with the onnx
// Python helpers and torch.onnx.export (see zk/models/README.md).
const fixtureDir = "../models/testdata/onnx"

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFixturesRefusedNamingTheNode(t *testing.T) {
	for file, node := range map[string]string{
		"lstm.onnx":           "lstm",
		"softmax_middle.onnx": "softmax_middle",
		"dynamic_batch.onnx":  "input",
		"conv_groups.onnx":    "conv_grouped",
		"bn_training.onnx":    "/bn/BatchNormalization",
	} {
		t.Run(file, func(t *testing.T) {
			_, err := onnx.Load(readFixture(t, file))
			var ue *onnx.UnsupportedError
			if !errors.As(err, &ue) || ue.Node != node {
				t.Fatalf("error %v: want an UnsupportedError naming %q", err, node)
			}
		})
	}
}

// TestFixturesMatchTorch loads the supported fixtures (exporter helper nodes, an unfolded
// BatchNormalization, Pad before Conv, the x.view(x.size(0), -1) shape chain) and checks the
// float network against torch's outputs, then the quantized artifact against the float network.
func TestFixturesMatchTorch(t *testing.T) {
	cases, err := models.ParseONNXFixtureCases(readFixture(t, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"gemm_relu", "exporter_helpers", "torch_unfolded"} {
		t.Run(name, func(t *testing.T) {
			fx, ok := cases[name]
			if !ok {
				t.Fatalf("no expected outputs for %s", name)
			}
			b := readFixture(t, name+".onnx")
			net, err := onnx.Load(b)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range fx.Cases {
				got := net.Forward(toFloat(c.Input), nil)
				for i, want := range c.Logits {
					if math.Abs(got[i]-want) > 1e-4*(1+math.Abs(want)) {
						t.Fatalf("input %v: output %d = %v, torch %v", c.Input, i, got[i], want)
					}
				}
			}
			rng := rand.New(rand.NewSource(4))
			data := &onnx.Dataset{}
			for i := 0; i < 200; i++ {
				s := make([]int64, len(fx.Cases[0].Input))
				for j := range s {
					s[j] = rng.Int63n(fx.InputMax + 1)
				}
				data.Samples = append(data.Samples, s)
			}
			pre := onnx.Preprocess{Scale: 1, Min: 0, Max: fx.InputMax}
			// 12-bit weights and activations: rounding is then far below the tolerance, so any
			// error in the folds or the requant arithmetic shows (8 bits: about 3% on these
			// random tiny nets; the MNIST tests check the default widths).
			opt := onnx.DefaultOptions
			opt.WeightBits, opt.ActivationBits = 12, 12
			res, err := onnx.Import(b, data, onnx.Config{Name: name, Pre: pre, Options: opt})
			if err != nil {
				t.Fatal(err)
			}
			scale := res.OutputScale
			for _, c := range fx.Cases {
				q, err := res.Artifact.Infer(c.Input)
				if err != nil {
					t.Fatal(err)
				}
				tol := 0.0
				for _, want := range c.Logits {
					tol = math.Max(tol, 0.002*math.Abs(want)) // 0.2% of the largest output
				}
				for i, want := range c.Logits {
					if math.Abs(float64(q[i])*scale-want) > tol {
						t.Fatalf("input %v: quantized output %d = %v (x %g), torch %v", c.Input, i, q[i], scale, want)
					}
				}
			}
		})
	}
}

func toFloat(v []int64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// TestAvgPoolAndFinalLogSoftmax imports a torch export with AvgPool2d (a zero Pad, then
// AveragePool: a sumpool whose 1/4 goes into the next scale) and a final LogSoftmax (dropped
// with a note), and checks both the float network and the artifact against torch's logits.
func TestAvgPoolAndFinalLogSoftmax(t *testing.T) {
	b, err := os.ReadFile("testdata/avgpool_logsoftmax.onnx")
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile("testdata/avgpool_logsoftmax.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Input  []int64
		Logits []float64
	}
	if err := json.Unmarshal(js, &cases); err != nil {
		t.Fatal(err)
	}
	data := &onnx.Dataset{}
	rng := rand.New(rand.NewSource(6))
	for i := 0; i < 200; i++ {
		s := make([]int64, 64)
		for j := range s {
			s[j] = rng.Int63n(16)
		}
		data.Samples = append(data.Samples, s)
	}
	opt := onnx.DefaultOptions
	opt.WeightBits, opt.ActivationBits = 12, 12 // as in TestFixturesMatchTorch
	res, err := onnx.Import(b, data, onnx.Config{Name: "avg", Pre: onnx.Preprocess{Scale: 1, Max: 15}, Options: opt})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Net.Notes) != 1 || !strings.Contains(res.Net.Notes[0], "dropped the final LogSoftmax") {
		t.Fatalf("notes %q", res.Net.Notes)
	}
	if got := opKinds(res); got != "conv2d requant relu sumpool flatten dense" {
		t.Fatalf("ops %q", got)
	}
	for _, c := range cases {
		f := res.Net.Forward(toFloat(c.Input), nil)
		q, err := res.Artifact.Infer(c.Input)
		if err != nil {
			t.Fatal(err)
		}
		tol := 0.0
		for _, want := range c.Logits {
			tol = math.Max(tol, 0.002*math.Abs(want))
		}
		for i, want := range c.Logits {
			if math.Abs(f[i]-want) > 1e-4*(1+math.Abs(want)) || math.Abs(float64(q[i])*res.OutputScale-want) > tol {
				t.Fatalf("input %v: output %d: float %v, quantized %v (x %g), torch %v", c.Input, i, f[i], q[i], res.OutputScale, want)
			}
		}
	}
}

func opKinds(res *onnx.Result) string {
	var s []string
	for _, op := range res.Artifact.Ops {
		s = append(s, op.Kind)
	}
	return strings.Join(s, " ")
}
