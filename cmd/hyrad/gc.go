package main

import (
	"os"
	"runtime/debug"
)

// defaultGCPercent is the garbage collector's target when GOGC is not set.
// A node allocates heavily per transaction (decoding, the SDK's cache
// stores, events) for a small live heap, so at Go's default of 100 the
// collector runs often. Measured with `make bench` on one validator (see
// BENCHMARKS.md): node CPU per committed result 2.6 ms at 100, 2.2 ms at
// 200, 2.1 ms at 400; peak memory 1.0, 1.4 and 2.0 GiB. 200 takes most of
// the gain for a third more memory. GOGC, when set, wins.
const defaultGCPercent = 200

func setGCPercent() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(defaultGCPercent)
	}
}
