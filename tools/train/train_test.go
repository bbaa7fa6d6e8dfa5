package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReproducesBundledModels retrains both models with the default seed and checks the output
// is byte-identical to the committed artifacts and samples. Only on amd64: other architectures
// may fuse multiply-adds, which changes float rounding.
func TestReproducesBundledModels(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("float training is bit-reproducible on amd64 only")
	}
	out := t.TempDir()
	for _, c := range configs {
		require.NoError(t, run(c, "data", out, defaultSeed))
		for _, f := range []string{"artifact.json", "samples.json"} {
			got, err := os.ReadFile(filepath.Join(out, c.name, f))
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("..", "..", "zk", "models", c.name, f))
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "%s/%s: run go run ./tools/train -data tools/train/data -out zk/models", c.name, f)
		}
	}
}
