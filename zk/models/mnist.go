package models

import (
	_ "embed"
	"encoding/json"
)

// MNIST models trained in PyTorch by zk/models/train (make train-mnist) and exported to ONNX.
// The vectors hold PyTorch's own float outputs, so tests of the ONNX importer compare against a
// reference computed outside this project.
var (
	//go:embed mnist-mlp/model.onnx
	MNISTMLPONNX []byte
	//go:embed mnist-mlp/vectors.json
	MNISTMLPVectors []byte
	//go:embed mnist-mlp/preprocess.json
	MNISTMLPPreprocess []byte
	//go:embed mnist-cnn/model.onnx
	MNISTCNNONNX []byte
	//go:embed mnist-cnn/vectors.json
	MNISTCNNVectors []byte
	//go:embed mnist-cnn/preprocess.json
	MNISTCNNPreprocess []byte
)

// TorchVectors is a vectors.json document written at export time by zk/models/train/common.py.
type TorchVectors struct {
	Model      string `json:"model"`
	ONNXSHA256 string `json:"onnx_sha256"`
	InputShape []int  `json:"input_shape"`
	// TestImages, TestCorrect and TestAccuracy are the float model's figures on the whole
	// t10k test set; ArgmaxAll is its predicted digit for each of those images, in order.
	TestImages   int           `json:"test_images"`
	TestCorrect  int           `json:"test_correct"`
	TestAccuracy float64       `json:"test_accuracy"`
	ArgmaxAll    string        `json:"argmax_all"`
	Parameters   int           `json:"parameters"`
	Vectors      []TorchVector `json:"vectors"`
}

// TorchVector is PyTorch's float output for test image Index (of t10k-images-idx3-ubyte).
type TorchVector struct {
	Index  int       `json:"index"`
	Label  int       `json:"label"`
	Argmax int       `json:"argmax"`
	Logits []float64 `json:"logits"`
}

// Preprocess is a preprocess.json document: the model was trained on (pixel*Scale-Mean)/Std for
// raw pixels 0..255.
type Preprocess struct {
	Scale float64 `json:"scale"`
	Mean  float64 `json:"mean"`
	Std   float64 `json:"std"`
}

// ParseTorchVectors decodes a vectors.json document.
func ParseTorchVectors(b []byte) (*TorchVectors, error) {
	var v TorchVectors
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// ParsePreprocess decodes a preprocess.json document.
func ParsePreprocess(b []byte) (*Preprocess, error) {
	var p Preprocess
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ONNXFixtureCases is testdata/onnx/expected.json: for each supported fixture graph (by file
// stem), integer inputs and the float outputs torch computed for them.
type ONNXFixtureCases map[string]struct {
	InputShape []int `json:"input_shape"`
	InputMax   int64 `json:"input_max"`
	Cases      []struct {
		Input  []int64   `json:"input"`
		Logits []float64 `json:"logits"`
	} `json:"cases"`
}

// ParseONNXFixtureCases decodes testdata/onnx/expected.json.
func ParseONNXFixtureCases(b []byte) (ONNXFixtureCases, error) {
	var c ONNXFixtureCases
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	return c, nil
}

// MNISTCNNArtifact is the MNIST CNN's imported artifact (make import-mnist rebuilds it).
//
//go:embed mnist-cnn/artifact.json
var MNISTCNNArtifact []byte
