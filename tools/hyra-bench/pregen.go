package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// result is one pre-proven result: worker i's proof for task i+1 of a fresh
// bench chain (task ids are handed out in routing order from 1).
type result struct {
	taskID uint64
	worker []byte
	input  []int64
	output []byte // canonical encoding, as submitted
	proof  []byte
}

// proofSet says which results a run needs: the model, and the worker that
// holds task i+1 (proofs are bound to it). tag names its cache file.
type proofSet struct {
	m        *model
	tag      string
	workerOf func(i int) *account
}

// burstProofs are the burst mode's: digits, worker i holds task i+1.
func burstProofs(m *model) proofSet { return proofSet{m: m, workerOf: throughputWorker} }

// pregenFigures say where the throughput run's proofs came from.
type pregenFigures struct {
	Cached, Proved int
	Took           time.Duration
	Rate           float64 // proofs/s while proving (all cores)
}

// taskInput is the input of task id: the held-out images in turn.
func taskInput(m *model, taskID uint64) []int64 { return m.inputs[int(taskID-1)%len(m.inputs)] } //nolint:gosec // G115: benchmark counts and ids, far below the type limits

// pregenerate returns n valid results for tasks 1..n, proving those that the
// cache file (per verifying key, in cacheDir) does not hold yet and appending
// them to it. Proving n digits results takes about n x 55 ms / cores; later
// runs with the same keys read them back in a second.
func pregenerate(ctx context.Context, ps proofSet, cacheDir string, n int) ([]result, pregenFigures, error) {
	var f pregenFigures
	m := ps.m
	vkHash := sha256.Sum256(m.vk)
	path := filepath.Join(cacheDir, fmt.Sprintf("proofs-%s%s-%s.bin", benchChainID, ps.tag, hex.EncodeToString(vkHash[:8])))
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, f, err
	}
	have, err := readProofCache(path, ps, n)
	if err != nil {
		step("  ignoring the proof cache %s: %v", path, err)
		have = nil
		_ = os.Remove(path)
	}
	f.Cached = len(have)
	if len(have) >= n {
		step("%d results pre-proven in %s", n, path)
		return have[:n], f, nil
	}
	missing := n - len(have)
	step("proving %d %s results for the throughput run (%d cached in %s)", missing, m.name, len(have), path)
	file, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, f, err
	}
	w := bufio.NewWriter(file)

	start := time.Now()
	out := make([]result, n)
	copy(out, have)
	ids := make(chan int)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	done := 0
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ids {
				r, err := proveTask(ps, i)
				mu.Lock()
				if err == nil {
					out[i] = r
					err = writeResult(w, r)
					done++
					if done%5000 == 0 {
						step("  %d/%d proved (%.1f/s)", done, missing, float64(done)/time.Since(start).Seconds())
					}
				}
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for i := len(have); i < n && ctx.Err() == nil; i++ {
		ids <- i
	}
	close(ids)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	// A cache that did not reach the disk is an error like a failed proof.
	if err := errors.Join(w.Flush(), file.Close()); err != nil && firstErr == nil {
		firstErr = err
	}
	f.Proved, f.Took = done, time.Since(start)
	f.Rate = float64(done) / f.Took.Seconds()
	return out, f, firstErr
}

// proveTask proves the result for task i+1 of its worker.
func proveTask(ps proofSet, i int) (result, error) {
	id := uint64(i + 1) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	worker := ps.workerOf(i).addr
	input := taskInput(ps.m, id)
	out, proof, err := ps.m.prover.Prove(benchChainID, id, worker, input)
	if err != nil {
		return result{}, err
	}
	return result{taskID: id, worker: worker, input: input, output: vector.Encode(out), proof: proof}, nil
}

// Cache record: task id (8) | worker (20) | output length (2) | output |
// proof (verifier.ProofSize), in task order.
func writeResult(w io.Writer, r result) error {
	var hdr [30]byte
	binary.BigEndian.PutUint64(hdr[:8], r.taskID)
	copy(hdr[8:28], r.worker)
	binary.BigEndian.PutUint16(hdr[28:], uint16(len(r.output))) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	for _, b := range [][]byte{hdr[:], r.output, r.proof} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// readProofCache reads up to n results, in task order from 1, checking that
// each record is for the task, worker and input this run would use; a short
// or stale file is an error (the caller starts over).
func readProofCache(path string, ps proofSet, n int) ([]result, error) {
	m := ps.m
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	byID := map[uint64]result{}
	whole := len(b)
	for len(b) > 0 {
		if len(b) < 30 || len(b) < 30+int(binary.BigEndian.Uint16(b[28:30]))+verifier.ProofSize {
			// A run stopped mid-write: keep the whole records, so that the
			// next ones are appended after them.
			step("  dropping a truncated record at the end of %s", path)
			if err := os.Truncate(path, int64(whole-len(b))); err != nil {
				return nil, err
			}
			break
		}
		r := result{taskID: binary.BigEndian.Uint64(b[:8]), worker: bytes.Clone(b[8:28])}
		ol := int(binary.BigEndian.Uint16(b[28:30]))
		b = b[30:]
		r.output, r.proof = bytes.Clone(b[:ol]), bytes.Clone(b[ol:ol+verifier.ProofSize])
		b = b[ol+verifier.ProofSize:]
		if r.taskID == 0 || int(r.taskID) > n { //nolint:gosec // G115: benchmark counts and ids, far below the type limits
			continue
		}
		if !bytes.Equal(r.worker, ps.workerOf(int(r.taskID-1)).addr) { //nolint:gosec // G115: benchmark counts and ids, far below the type limits
			return nil, fmt.Errorf("task %d: record for another worker", r.taskID)
		}
		r.input = taskInput(m, r.taskID)
		byID[r.taskID] = r
	}
	var out []result
	for id := uint64(1); id <= uint64(n); id++ { //nolint:gosec // G115: benchmark counts and ids, far below the type limits
		r, ok := byID[id]
		if !ok {
			break
		}
		out = append(out, r)
	}
	// Spot-check that the cache belongs to these keys.
	for _, i := range []int{0, len(out) / 2, len(out) - 1} {
		if i < 0 || i >= len(out) {
			continue
		}
		r := out[i]
		in, err := verifier.InputCommitment(vector.Encode(r.input), m.artifact.InputScheme())
		if err != nil {
			return nil, err
		}
		st := verifier.Statement{ChainID: benchChainID, TaskID: r.taskID, Worker: r.worker, InputCommitment: in, Output: r.output}
		if err := verifier.Verify(m.vk, r.proof, st); err != nil {
			return nil, fmt.Errorf("task %d: cached proof does not verify: %w", r.taskID, err)
		}
	}
	return out, nil
}
