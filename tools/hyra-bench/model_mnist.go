package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/hyra-network/hyra/zk/models"
)

// Models of the sustained mode's -model.
const (
	modelIris     = "iris"
	modelMNISTCNN = "mnist-cnn"
)

// mnistGasFactor raises the gas limits of the MNIST CNN's transactions: a
// task carries a 784-pixel input and its model version a 62 KB artifact.
const mnistGasFactor = 10

// mnistInputs is how many distinct images the MNIST CNN's tasks take in turn.
const mnistInputs = 8

// loadSustainedModel is the sustained mode's model: iris (the default; its
// keys are bundled) or the MNIST CNN (keys set up into keysDir the first
// time, about a minute on two idle cores, 59 MB of proving key).
func loadSustainedModel(name, keysDir string) (*model, error) {
	switch name {
	case modelIris:
		return loadIris()
	case modelMNISTCNN:
		m, err := loadWithKeys(modelMNISTCNN, models.MNISTCNNArtifact, keysDir, mnistImages(mnistInputs))
		if err != nil {
			return nil, err
		}
		m.gasFactor = mnistGasFactor
		return m, nil
	}
	return nil, fmt.Errorf("-model %q: want %s or %s", name, modelIris, modelMNISTCNN)
}

// mnistImages are n fixed 28x28 images of pseudo-random pixels 0..255. What
// a result costs does not depend on the pixels: the input is stored at one
// byte a pixel, the circuit is the same for any input, and the artifact's
// checked bit widths hold every input in range.
func mnistImages(n int) [][]int64 {
	r := rand.New(rand.NewPCG(19, 784)) //nolint:gosec // G404: fixed images for a benchmark, not secrets
	out := make([][]int64, n)
	for i := range out {
		out[i] = make([]int64, 28*28)
		for j := range out[i] {
			out[i][j] = r.Int64N(256)
		}
	}
	return out
}
