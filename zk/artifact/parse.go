package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Parse decodes and strictly validates an artifact: size cap first, unknown fields and trailing
// data rejected, shapes and magnitudes checked, and a static range analysis proving that no
// intermediate value can overflow int64 or wrap the BN254 scalar field. It dispatches on the
// "format" field: hyra-qnn/v2 has its own document; anything else is checked as hyra-qnn/v1.
func Parse(b []byte) (*Artifact, error) {
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, max %d", ErrInvalid, len(b), MaxSize)
	}
	var head struct {
		Format string `json:"format"`
	}
	// The first JSON value only: the strict decoders below report trailing data.
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&head); err == nil && head.Format == FormatV2 {
		a, err := parseV2(b)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrInvalid, FormatV2, err)
		}
		return a, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var a Artifact
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrInvalid)
	}
	if err := a.validate(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := a.analyze(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return &a, nil
}

func (a *Artifact) validate() error {
	if a.Format != Format {
		return fmt.Errorf("format %q, want %q or %q", a.Format, Format, FormatV2)
	}
	if err := a.checkHeader(); err != nil {
		return err
	}
	in := a.Input
	if in.Length < 1 || in.Length > MaxNeurons {
		return fmt.Errorf("input length %d outside [1, %d]", in.Length, MaxNeurons)
	}
	if in.Min > in.Max || in.Min < MinIOValue || in.Max > MaxIOValue {
		return fmt.Errorf("input range [%d, %d] empty or outside [%d, %d]", in.Min, in.Max, MinIOValue, MaxIOValue)
	}
	if len(a.Layers) < 1 || len(a.Layers) > MaxLayers {
		return fmt.Errorf("%d layers, want 1 to %d", len(a.Layers), MaxLayers)
	}
	width, total := in.Length, 0
	for l := range a.Layers {
		ly := &a.Layers[l]
		if ly.In != width {
			return fmt.Errorf("layer %d: in = %d, previous width is %d", l, ly.In, width)
		}
		if ly.Out < 1 || ly.Out > MaxNeurons {
			return fmt.Errorf("layer %d: out = %d outside [1, %d]", l, ly.Out, MaxNeurons)
		}
		total += ly.In * ly.Out
		if total > MaxWeights {
			return fmt.Errorf("more than %d weights", MaxWeights)
		}
		if err := ly.validate(); err != nil {
			return fmt.Errorf("layer %d: %w", l, err)
		}
		width = ly.Out
	}
	if a.Output.Length != width {
		return fmt.Errorf("output length %d, last layer has %d outputs", a.Output.Length, width)
	}
	return a.checkLabels()
}

// checkHeader checks the fields both formats share: name and description.
func (a *Artifact) checkHeader() error {
	if err := checkName(a.Name); err != nil {
		return err
	}
	if len(a.Description) > MaxDescLen {
		return fmt.Errorf("description longer than %d bytes", MaxDescLen)
	}
	return nil
}

func (a *Artifact) checkLabels() error {
	if n := len(a.Output.Labels); n != 0 && n != a.Output.Length {
		return fmt.Errorf("%d labels for %d outputs", n, a.Output.Length)
	}
	for _, s := range a.Output.Labels {
		if len(s) > MaxLabelLen {
			return fmt.Errorf("label longer than %d bytes", MaxLabelLen)
		}
	}
	return nil
}

func (ly *Layer) validate() error {
	if len(ly.Weights) != ly.Out || len(ly.Biases) != ly.Out {
		return fmt.Errorf("%d weight rows and %d biases, want %d", len(ly.Weights), len(ly.Biases), ly.Out)
	}
	for j, row := range ly.Weights {
		if len(row) != ly.In {
			return fmt.Errorf("weight row %d has %d columns, want %d", j, len(row), ly.In)
		}
		for i, w := range row {
			if w < -MaxWeightAbs || w > MaxWeightAbs {
				return fmt.Errorf("weight [%d][%d] = %d exceeds 2^24 in magnitude", j, i, w)
			}
		}
		if b := ly.Biases[j]; b < -MaxBiasAbs || b > MaxBiasAbs {
			return fmt.Errorf("bias %d = %d exceeds 2^48 in magnitude", j, b)
		}
	}
	if ly.ScaleBits > MaxScaleBits {
		return fmt.Errorf("scale_bits %d exceeds %d", ly.ScaleBits, MaxScaleBits)
	}
	return nil
}

func checkName(s string) error {
	if len(s) < 1 || len(s) > MaxNameLen {
		return fmt.Errorf("name length %d outside [1, %d]", len(s), MaxNameLen)
	}
	for _, c := range []byte(s) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
		if !ok {
			return fmt.Errorf("name %q: only letters, digits, '-', '_' and '.' are allowed", s)
		}
	}
	return nil
}
