package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hyra-network/hyra/zk/models"
)

// inferResult is the JSON `hyrad client infer --output json` prints.
type inferResult struct {
	TaskID    uint64  `json:"task_id"`
	PoolID    uint64  `json:"pool_id"`
	Status    string  `json:"status"`
	Output    []int64 `json:"output"`
	Argmax    int     `json:"argmax"`
	Label     string  `json:"label"`
	Verified  bool    `json:"verified"`
	LatencyMS int64   `json:"latency_ms"`
}

// runTasks buys n inferences of held-out digit images, one after the other,
// through `hyrad client infer --wait` (route, wait for the verified result,
// verify the proof locally), and checks each output against the quantized
// model's expected output from the samples file. It returns how many results
// were verified.
func runTasks(ctx context.Context, c *localChain, modelID uint64, n int) (int, error) {
	samples, err := models.ParseSamples(models.DigitsSamples)
	if err != nil {
		return 0, err
	}
	step("submitting %d held-out digit images through the router, waiting for each verified result", n)
	var verified, correct int
	var latencies []time.Duration
	for i := range n {
		s := samples.Samples[i%len(samples.Samples)]
		out, err := c.cli(ctx, "client", "infer", "--model", strconv.FormatUint(modelID, 10),
			"--input", joinInts(s.Input), "--wait", "--wait-timeout", "90s", "--output", "json", "--from", "client")
		if err != nil {
			return verified, fmt.Errorf("task %d of %d: %w\nworker log (tail):\n%s", i+1, n, err, c.worker.tail())
		}
		var r inferResult
		if err := json.Unmarshal(lastLine(out), &r); err != nil {
			return verified, fmt.Errorf("task %d of %d: unreadable client output %q: %w", i+1, n, out, err)
		}
		if r.Status != "COMPLETED" || !r.Verified {
			return verified, fmt.Errorf("task %d ended %s, proof verified locally: %v", r.TaskID, r.Status, r.Verified)
		}
		if !slices.Equal(r.Output, s.Output) {
			return verified, fmt.Errorf("task %d: output %v differs from the model's output %v on this input", r.TaskID, r.Output, s.Output)
		}
		verified++
		mark := "wrong"
		if r.Argmax == s.Label {
			correct++
			mark = "ok"
		}
		latency := time.Duration(r.LatencyMS) * time.Millisecond
		latencies = append(latencies, latency)
		fmt.Printf("  [%2d/%d] task %-3d predicted %d  label %d  %-5s  proof verified (chain + local)  latency %s\n",
			i+1, n, r.TaskID, r.Argmax, s.Label, mark, latency.Round(10*time.Millisecond))
	}
	slices.Sort(latencies)
	fmt.Printf("  %d/%d verified, %d/%d predictions match their label; latency median %s, max %s\n",
		verified, n, correct, n, latencies[len(latencies)/2].Round(10*time.Millisecond),
		latencies[len(latencies)-1].Round(10*time.Millisecond))
	return verified, nil
}

// reportWorker prints what the worker earned and its reputation.
func reportWorker(ctx context.Context, c *localChain) error {
	addr, err := c.address(ctx, "worker")
	if err != nil {
		return err
	}
	var rec struct {
		Worker struct {
			Worker struct {
				TotalTasks   string `json:"total_tasks"`
				TotalRewards []struct {
					Denom  string `json:"denom"`
					Amount string `json:"amount"`
				} `json:"total_rewards"`
			} `json:"worker"`
			Reputation string `json:"reputation"`
		} `json:"worker"`
	}
	if err := c.rest(ctx, &rec, "/hyra/taskpool/v1/workers/"+addr); err != nil {
		return err
	}
	var earned []string
	for _, r := range rec.Worker.Worker.TotalRewards {
		earned = append(earned, r.Amount+r.Denom)
	}
	step("worker %s: %s tasks completed, earned %s, reputation %s", addr, rec.Worker.Worker.TotalTasks,
		strings.Join(earned, ","), rec.Worker.Reputation)
	return nil
}

func joinInts(v []int64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}

func lastLine(b []byte) []byte {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return []byte(lines[len(lines)-1])
}
