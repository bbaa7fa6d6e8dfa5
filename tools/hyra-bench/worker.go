package main

import (
	"context"
	"runtime"
	"sync"
	"time"
)

// workerFigures are the worker side: proving digits results.
type workerFigures struct {
	Model string
	// ProveTime is the median time of one proof (inference, witness, Groth16
	// prove, self-verify) with one prover using every core, as the worker
	// daemon does.
	ProveTime time.Duration
	// PerWorker is proofs per second of one such worker: 1/ProveTime.
	PerWorker float64
	// Parallel is proofs per second with NumCPU provers at once.
	Parallel  float64
	Provers   int
	PeakRSS   uint64 // VmHWM of this process after proving
	HeapInUse uint64 // Go heap in use right after proving
}

const workerSamples = 12

// measureWorker proves workerSamples digits results one after the other,
// then NumCPU at a time, and reads the process's peak memory.
func measureWorker(ctx context.Context, m *model) (workerFigures, error) {
	f := workerFigures{Model: m.name, Provers: runtime.NumCPU()}
	var times []float64
	worker := throughputWorker(0).addr
	for i := range workerSamples {
		if ctx.Err() != nil {
			return f, ctx.Err()
		}
		start := time.Now()
		if _, _, err := m.prover.Prove("hyra-bench-worker", uint64(i+1), worker, m.inputs[i%len(m.inputs)]); err != nil {
			return f, err
		}
		times = append(times, float64(time.Since(start)))
	}
	f.ProveTime = time.Duration(median(times))
	f.PerWorker = float64(time.Second) / float64(f.ProveTime)

	var wg sync.WaitGroup
	errs := make(chan error, f.Provers)
	start := time.Now()
	for p := range f.Provers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range workerSamples {
				id := uint64(1000*(p+1) + i) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
				if _, _, err := m.prover.Prove("hyra-bench-worker", id, worker, m.inputs[i%len(m.inputs)]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return f, err
	}
	f.Parallel = float64(f.Provers*workerSamples) / time.Since(start).Seconds()

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	f.HeapInUse = ms.HeapInuse
	f.PeakRSS = peakRSS()
	step("  one worker: %s per proof, %.1f proofs/s; %d provers at once: %.1f proofs/s; peak RSS %s",
		f.ProveTime.Round(time.Millisecond), f.PerWorker, f.Provers, f.Parallel, mib(f.PeakRSS))
	return f, nil
}
