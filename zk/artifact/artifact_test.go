package artifact_test

import (
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
)

func TestBundledModelsParseAndRoundTrip(t *testing.T) {
	for name, b := range map[string][]byte{"iris": models.IrisArtifact, "digits": models.DigitsArtifact} {
		a, err := artifact.Parse(b)
		require.NoError(t, err, name)
		enc, err := artifact.Encode(a)
		require.NoError(t, err)
		require.Equal(t, string(b), string(enc), "%s: bundled artifacts are written by Encode", name)
	}
}

func TestHash(t *testing.T) {
	want := sha256.Sum256([]byte(testmodel.JSON))
	require.Equal(t, want[:], artifact.Hash([]byte(testmodel.JSON)))
}

func TestParseErrors(t *testing.T) {
	cases := map[string]struct{ old, new, msg string }{
		"error - format":           {`"hyra-qnn/v1"`, `"hyra-qnn/v3"`, "format"},
		"error - unknown field":    {`"name": "tiny"`, `"name": "tiny", "extra": 1`, "unknown field"},
		"error - bad name":         {`"name": "tiny"`, `"name": "a b"`, "name"},
		"error - empty range":      {`"min": -4, "max": 7`, `"min": 8, "max": 7`, "input range"},
		"error - wide input":       {`"min": -4`, `"min": -4294967296`, "input range"},
		"error - in mismatch":      {`{"in": 4, "out": 2`, `{"in": 5, "out": 2`, "in = 5"},
		"error - row length":       {`[3, -2, 5]`, `[3, -2]`, "columns"},
		"error - bias count":       {`[1, -40, 50, 3]`, `[1, -40, 50]`, "biases"},
		"error - weight magnitude": {`[3, -2, 5]`, `[3, -2, 16777217]`, "2^24"},
		"error - float weight":     {`[3, -2, 5]`, `[3, -2, 5.5]`, "cannot unmarshal"},
		"error - scale bits":       {`"scale_bits": 2`, `"scale_bits": 49`, "scale_bits"},
		"error - negative scale":   {`"scale_bits": 2`, `"scale_bits": -1`, "cannot unmarshal"},
		"error - output length":    {`"output": {"length": 2`, `"output": {"length": 3`, "output length"},
		"error - labels":           {`["a", "b"]`, `["a"]`, "labels"},
		"error - output too wide":  {`[-7, 2]`, `[-7, 2199023255552]`, "32-bit"},
		"error - trailing data":    {"\n}", "\n} {}", "trailing"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			require.Contains(t, testmodel.JSON, c.old)
			_, err := artifact.Parse([]byte(strings.Replace(testmodel.JSON, c.old, c.new, 1)))
			require.ErrorIs(t, err, artifact.ErrInvalid)
			require.ErrorContains(t, err, c.msg)
		})
	}
}

func TestParseAccumulatorOverflow(t *testing.T) {
	// Two stacked layers of large weights and no rescale: 2^24 * 2^31 per term overflows 2^62
	// in the second layer's range analysis.
	doc := `{"format":"hyra-qnn/v1","name":"big","input":{"length":2,"min":-2147483648,"max":2147483647},
	"layers":[{"in":2,"out":2,"scale_bits":0,"relu":false,"weights":[[16777216,16777216],[1,1]],"biases":[0,0]},
	          {"in":2,"out":1,"scale_bits":0,"relu":false,"weights":[[16777216,16777216]],"biases":[0]}],
	"output":{"length":1}}`
	_, err := artifact.Parse([]byte(doc))
	require.ErrorIs(t, err, artifact.ErrInvalid)
	require.ErrorContains(t, err, "2^62")
}

func TestParseSizeCap(t *testing.T) {
	_, err := artifact.Parse(make([]byte, artifact.MaxSize+1))
	require.ErrorIs(t, err, artifact.ErrInvalid)
}

// TestInferFloor checks the rescale is floor division for negative accumulators, by hand:
// layer 1 on (-4, 7, 3): acc = (-12-14+15+1, 4-7-3-40, -8+3+50, 28+28+3) = (-10, -46, 45, 59);
// >>2 = (-3, -12, 11, 14); ReLU = (0, 0, 11, 14).
// layer 2: acc = (0+0+11+56-7, 0+0+0+14+2) = (60, 16); >>1 = (30, 8).
func TestInferFloor(t *testing.T) {
	a := testmodel.Artifact()
	out, err := a.Infer([]int64{-4, 7, 3})
	require.NoError(t, err)
	require.Equal(t, []int64{30, 8}, out)

	out, err = a.Infer([]int64{7, -4, -4})
	require.NoError(t, err)
	// layer 1: (21+8-20+1, -7+4+4-40, 14-4+50, -49-16+3) = (10, -39, 60, -62) >>2 = (2, -10, 15, -16)
	// ReLU = (2, 0, 15, 0); layer 2: (4+15-7, -10+2) = (12, -8) >>1 = (6, -4)
	require.Equal(t, []int64{6, -4}, out)
}

func TestInferRejectsBadInput(t *testing.T) {
	a := testmodel.Artifact()
	for _, in := range [][]int64{{0, 0}, {0, 0, 0, 0}, {8, 0, 0}, {0, -5, 0}} {
		_, err := a.Infer(in)
		require.ErrorIs(t, err, artifact.ErrInvalid, "%v", in)
	}
}

// TestBoundsContainEveryOutput checks the static range analysis against exhaustive inference.
func TestBoundsContainEveryOutput(t *testing.T) {
	a := testmodel.Artifact()
	last := len(a.Layers) - 1
	for _, in := range testmodel.Inputs() {
		out, err := a.Infer(in)
		require.NoError(t, err)
		for j, v := range out {
			iv := a.ActBounds(last, j)
			require.True(t, iv.Lo <= v && v <= iv.Hi, "output %d = %d outside %v", j, v, iv)
		}
	}
}

func TestArgmax(t *testing.T) {
	require.Equal(t, -1, artifact.Argmax(nil))
	require.Equal(t, 1, artifact.Argmax([]int64{-3, 5, 5, 2}))
}
