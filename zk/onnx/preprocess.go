package onnx

import (
	"encoding/json"
	"fmt"
	"os"
)

// preprocessFile is the JSON a training script writes next to its model.onnx, e.g.
// {"scale": 0.00392156862745098, "mean": 0.1307, "std": 0.3081}: mean and std are a number or
// one number per input channel; min and max (the raw input range) default to 0 and 255. Other
// fields (a "formula" for humans) are ignored.
type preprocessFile struct {
	Scale *float64        `json:"scale"`
	Mean  json.RawMessage `json:"mean"`
	Std   json.RawMessage `json:"std"`
	Min   *int64          `json:"min"`
	Max   *int64          `json:"max"`
}

// DefaultPreprocess is raw values 0-255 fed to the model unchanged.
func DefaultPreprocess() Preprocess { return Preprocess{Scale: 1, Min: 0, Max: 255} }

// ReadPreprocess reads a preprocessing JSON file over DefaultPreprocess.
func ReadPreprocess(path string) (Preprocess, error) {
	p := DefaultPreprocess()
	b, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	var f preprocessFile
	if err := json.Unmarshal(b, &f); err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	if f.Scale != nil {
		p.Scale = *f.Scale
	}
	if p.Mean, err = numbers(f.Mean); err != nil {
		return p, fmt.Errorf("%s: mean: %w", path, err)
	}
	if p.Std, err = numbers(f.Std); err != nil {
		return p, fmt.Errorf("%s: std: %w", path, err)
	}
	if f.Min != nil {
		p.Min = *f.Min
	}
	if f.Max != nil {
		p.Max = *f.Max
	}
	return p, nil
}

// numbers reads a JSON number or array of numbers (nil when absent).
func numbers(m json.RawMessage) ([]float64, error) {
	if len(m) == 0 || string(m) == "null" {
		return nil, nil
	}
	var x float64
	if err := json.Unmarshal(m, &x); err == nil {
		return []float64{x}, nil
	}
	var v []float64
	if err := json.Unmarshal(m, &v); err != nil {
		return nil, fmt.Errorf("want a number or an array of numbers")
	}
	return v, nil
}
