package onnx

import (
	"runtime"
	"sync"
)

// workerCount is how many goroutines share n samples: calibration and evaluation run the float
// and integer networks on thousands of them.
func workerCount(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// parallel calls f(w, i) for every i in [0, n) on workers goroutines, worker w taking i = w,
// w+workers, ... Callers keep per-worker results and combine them in a fixed order, so the
// outcome does not depend on scheduling.
func parallel(n, workers int, f func(w, i int)) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(w, i)
			}
		}()
	}
	wg.Wait()
}
