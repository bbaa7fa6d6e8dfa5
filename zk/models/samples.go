package models

import "encoding/json"

// Samples is the samples.json document written by tools/train: held-out inputs with their labels.
type Samples struct {
	Model          string   `json:"model"`
	ArtifactSHA256 string   `json:"artifact_sha256"`
	Samples        []Sample `json:"samples"`
}

// Sample is one held-out input, its true label, and the quantized model's output and argmax.
type Sample struct {
	Input     []int64 `json:"input"`
	Label     int     `json:"label"`
	Output    []int64 `json:"output"`
	Predicted int     `json:"predicted"`
}

// ParseSamples decodes a samples.json document.
func ParseSamples(b []byte) (*Samples, error) {
	var s Samples
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
