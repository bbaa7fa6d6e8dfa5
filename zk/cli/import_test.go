package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
)

const onnxFixtures = "../models/testdata/onnx"

// csvFor writes a calibration CSV for a fixture with n inputs: a header naming the label column
// and three rows.
func csvFor(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("x,")
	}
	b.WriteString("label\n")
	for r := 0; r < 3; r++ {
		for i := 0; i < n; i++ {
			b.WriteString([]string{"0,", "7,", "15,"}[(i+r)%3])
		}
		b.WriteString([]string{"0", "1", "2"}[r] + "\n")
	}
	path := filepath.Join(t.TempDir(), "calib.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

func TestImportCSV(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model", "artifact.json") // the folder is created
	log, err := run(t, "import", "--onnx", filepath.Join(onnxFixtures, "gemm_relu.onnx"),
		"--calibration", csvFor(t, 4), "--input-max", "15", "--classes", "a,b,c", "--out", out)
	require.NoError(t, err, log)
	for _, want := range []string{"float accuracy:", "quantized accuracy:", "R1CS constraints", "proving key: about", "wrote "} {
		require.Contains(t, log, want)
	}
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	a, err := artifact.Parse(b)
	require.NoError(t, err)
	require.Equal(t, "model", a.Name, "the default name is the output folder's")
	require.Equal(t, []string{"a", "b", "c"}, a.Output.Labels)
	require.Equal(t, int64(15), a.Input.Max)

	// A calibration value outside the input range is refused, and the artifact is left alone.
	log, err = run(t, "import", "--onnx", filepath.Join(onnxFixtures, "gemm_relu.onnx"),
		"--calibration", csvFor(t, 4), "--input-max", "9", "--out", out)
	require.ErrorContains(t, err, "outside the input range [0, 9]", log)
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Equal(t, b, after)
}

// TestImportRefusalWritesNothing: an unsupported graph is refused naming its node, and no file
// appears.
func TestImportRefusalWritesNothing(t *testing.T) {
	for file, node := range map[string]string{
		"lstm.onnx":           `node "lstm" (LSTM)`,
		"softmax_middle.onnx": `node "softmax_middle" (Softmax)`,
		"dynamic_batch.onnx":  `node "input" (graph input)`,
		"conv_groups.onnx":    `node "conv_grouped" (Conv)`,
		"bn_training.onnx":    `node "/bn/BatchNormalization" (BatchNormalization)`,
	} {
		t.Run(file, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "artifact.json")
			log, err := run(t, "import", "--onnx", filepath.Join(onnxFixtures, file),
				"--calibration", csvFor(t, 4), "--out", out)
			require.ErrorContains(t, err, node, log)
			require.ErrorContains(t, err, "supported: Gemm")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Empty(t, entries, "nothing is written on error")
		})
	}
}
