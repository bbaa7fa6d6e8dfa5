package cli

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/onnx"
	"github.com/hyra-network/hyra/zk/setup"
)

// TestProvingKeyEstimate runs a real Groth16 setup of an imported convolutional model and
// requires the printed estimate to be an upper bound within 10% of the proving key's size.
func TestProvingKeyEstimate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a Groth16 setup")
	}
	b, err := os.ReadFile("../models/testdata/onnx/exporter_helpers.onnx")
	require.NoError(t, err)
	data := &onnx.Dataset{}
	for i := 0; i < 8; i++ {
		s := make([]int64, 64)
		for j := range s {
			s[j] = int64((i*31 + j*7) % 256)
		}
		data.Samples = append(data.Samples, s)
	}
	res, err := onnx.Import(b, data, onnx.Config{Name: "estimate", Pre: onnx.DefaultPreprocess(), Options: onnx.DefaultOptions})
	require.NoError(t, err)
	ccs, err := circuit.Compile(res.Artifact)
	require.NoError(t, err)
	keys, err := setup.Generate(res.Artifact, io.Discard)
	require.NoError(t, err)
	est, got := provingKeyEstimate(ccs), len(keys.ProvingKey)
	t.Logf("%d constraints: proving key %d bytes, estimate %d", ccs.GetNbConstraints(), got, est)
	require.GreaterOrEqual(t, est, got)
	require.LessOrEqual(t, float64(est), 1.1*float64(got))
}
