package models

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMNISTVectorsMatchONNX keeps each committed model.onnx and the PyTorch test vectors written
// with it in step: a retrained model committed without its vectors (or the reverse) fails here.
func TestMNISTVectorsMatchONNX(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		onnx, vectors, prep  []byte
		inputShape           []int
		minParams, maxParams int
		minAccuracy          float64
	}{
		{"mnist-mlp", MNISTMLPONNX, MNISTMLPVectors, MNISTMLPPreprocess, []int{1, 784}, 90_000, 110_000, 0.98},
		{"mnist-cnn", MNISTCNNONNX, MNISTCNNVectors, MNISTCNNPreprocess, []int{1, 1, 28, 28}, 1_000, 50_000, 0.99},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Less(t, len(tc.onnx), 2<<20, "model.onnx must stay under 2 MiB")
			v, err := ParseTorchVectors(tc.vectors)
			require.NoError(t, err)
			sum := sha256.Sum256(tc.onnx)
			require.Equal(t, hex.EncodeToString(sum[:]), v.ONNXSHA256,
				"vectors.json was not written with the committed model.onnx: run make train-mnist")
			require.Equal(t, tc.name, v.Model)
			require.Equal(t, tc.inputShape, v.InputShape)
			require.True(t, v.Parameters >= tc.minParams && v.Parameters <= tc.maxParams, "parameters %d", v.Parameters)
			requireAccuracy(t, v, tc.minAccuracy)
			requireVectors(t, v)
			p, err := ParsePreprocess(tc.prep)
			require.NoError(t, err)
			require.InDelta(t, 1.0/255, p.Scale, 1e-12)
			require.Greater(t, p.Std, 0.0)
		})
	}
}

func requireAccuracy(t *testing.T, v *TorchVectors, minAccuracy float64) {
	t.Helper()
	require.Equal(t, 10_000, v.TestImages)
	require.Len(t, v.ArgmaxAll, v.TestImages)
	require.Regexp(t, `^[0-9]+$`, v.ArgmaxAll)
	require.InDelta(t, float64(v.TestCorrect)/float64(v.TestImages), v.TestAccuracy, 1e-9)
	require.GreaterOrEqual(t, v.TestAccuracy, minAccuracy)
}

func requireVectors(t *testing.T, v *TorchVectors) {
	t.Helper()
	require.Len(t, v.Vectors, 200)
	for i, vec := range v.Vectors {
		require.Equal(t, i, vec.Index)
		require.Len(t, vec.Logits, 10)
		require.True(t, vec.Label >= 0 && vec.Label <= 9)
		require.Equal(t, argmax(vec.Logits), vec.Argmax, "vector %d", i)
		require.Equal(t, byte('0'+vec.Argmax), v.ArgmaxAll[i], "vector %d", i)
	}
}

func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

// TestONNXFixtures checks the importer's fixture graphs are present, small, and that every graph
// with reference outputs has well-formed cases.
func TestONNXFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "onnx")
	for _, name := range []string{
		"lstm", "softmax_middle", "dynamic_batch", "conv_groups", "bn_training",
		"gemm_relu", "exporter_helpers", "torch_unfolded",
	} {
		info, err := os.Stat(filepath.Join(dir, name+".onnx"))
		require.NoError(t, err)
		require.Less(t, info.Size(), int64(16<<10), name)
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	require.NoError(t, err)
	expected, err := ParseONNXFixtureCases(b)
	require.NoError(t, err)
	require.Len(t, expected, 3)
	for name, g := range expected {
		_, err := os.Stat(filepath.Join(dir, name+".onnx"))
		require.NoError(t, err, name)
		size := 1
		for _, d := range g.InputShape {
			size *= d
		}
		require.NotEmpty(t, g.Cases, name)
		for _, c := range g.Cases {
			require.Len(t, c.Input, size, name)
			for _, x := range c.Input {
				require.True(t, x >= 0 && x <= g.InputMax, name)
			}
			for _, y := range c.Logits {
				require.False(t, math.IsNaN(y) || math.IsInf(y, 0), name)
			}
		}
	}
}

var digitName = regexp.MustCompile(`^digit-([0-9])-t10k-([0-9]{4})(-56x56)?\.png$`)

// TestDigitImages checks the committed digit images decode as 8-bit grayscale of the size their
// name says, and that each PGM holds the same pixels as its PNG.
func TestDigitImages(t *testing.T) {
	dir := filepath.Join("testdata", "images")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".png") {
			continue
		}
		m := digitName.FindStringSubmatch(e.Name())
		require.NotNil(t, m, "unexpected file name %s", e.Name())
		seen[m[1]] = true
		f, err := os.Open(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		img, err := png.Decode(f)
		require.NoError(t, f.Close())
		require.NoError(t, err, e.Name())
		gray, ok := img.(*image.Gray)
		require.True(t, ok, "%s is not 8-bit grayscale", e.Name())
		side := 28
		if m[3] != "" {
			side = 56
		}
		require.Equal(t, image.Rect(0, 0, side, side), gray.Bounds(), e.Name())
		if m[3] != "" {
			continue
		}
		pgm, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(e.Name(), ".png")+".pgm"))
		require.NoError(t, err)
		header := []byte(fmt.Sprintf("P5\n%d %d\n255\n", side, side))
		require.True(t, bytes.HasPrefix(pgm, header), e.Name())
		require.Equal(t, gray.Pix, pgm[len(header):], e.Name())
	}
	require.Len(t, seen, 10, "one image of every digit")
}
