package circuit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

// TestMNISTConstraintCounts compiles the MNIST-shaped benchmark models and the bundled MNIST
// models and logs their constraint counts (zk/README.md and BENCHMARKS.md quote them): with
// their 784 pixels in 8-bit lanes, the input commitment is 4,837 constraints of each. Skipped
// under -short (the CNNs take seconds to compile).
func TestMNISTConstraintCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles four MNIST circuits")
	}
	mlp, _ := testmodel.MNISTMLP(1)
	cnn, _ := testmodel.MNISTCNN(1)
	for _, m := range []struct {
		name string
		a    *artifact.Artifact
	}{
		{"testmodel.MNISTMLP", mlp},
		{"testmodel.MNISTCNN", cnn},
		{"models/mnist-mlp", parse(t, "mnist-mlp")},
		{"models/mnist-cnn", parse(t, "mnist-cnn")},
	} {
		ccs, err := circuit.Compile(m.a)
		require.NoError(t, err)
		t.Logf("%s: %d constraints (input scheme %+v)", m.name, ccs.GetNbConstraints(), m.a.InputScheme())
		require.Equal(t, uint32(8), m.a.InputScheme().LaneBits)
	}
}

// parse reads a bundled model's artifact (zk/models/NAME/artifact.json, not embedded).
func parse(t *testing.T, name string) *artifact.Artifact {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "models", name, "artifact.json"))
	require.NoError(t, err)
	a, err := artifact.Parse(b)
	require.NoError(t, err)
	return a
}
