package main

import (
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGCPercent checks that hyrad raises the collector's target when GOGC
// is unset and leaves an operator's GOGC alone.
func TestGCPercent(t *testing.T) {
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	gogc, had := os.LookupEnv("GOGC")
	t.Cleanup(func() {
		if had {
			require.NoError(t, os.Setenv("GOGC", gogc))
		} else {
			require.NoError(t, os.Unsetenv("GOGC"))
		}
	})

	require.NoError(t, os.Unsetenv("GOGC"))
	setGCPercent()
	if got := debug.SetGCPercent(100); got != defaultGCPercent {
		t.Fatalf("GOGC unset: GC percent %d, want %d", got, defaultGCPercent)
	}
	t.Setenv("GOGC", "100")
	setGCPercent()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC=100: GC percent %d, want it left at 100", got)
	}
}
