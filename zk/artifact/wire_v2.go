package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// docV2 is the JSON document of a hyra-qnn/v2 artifact. Each op is decoded strictly into the
// wire struct of its kind, so a field of another kind (a "multiplier" on a conv2d) is an
// unknown field.
type docV2 struct {
	Format      string            `json:"format"`
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	Private     bool              `json:"private,omitempty"`
	Input       inputV2           `json:"input"`
	Ops         []json.RawMessage `json:"ops"`
	Output      OutputSpec        `json:"output"`
}

type inputV2 struct {
	Shape      []int  `json:"shape"`
	Min        int64  `json:"min"`
	Max        int64  `json:"max"`
	Preprocess string `json:"preprocess,omitempty"`
}

type convWire struct {
	Op          string  `json:"op"`
	OutChannels int     `json:"out_channels"`
	Kernel      []int   `json:"kernel"`
	Stride      []int   `json:"stride"`
	Pads        []int   `json:"pads"`
	Weights     []int64 `json:"weights"`
	Biases      []int64 `json:"biases"`
}

type denseWire struct {
	Op      string  `json:"op"`
	Out     int     `json:"out"`
	Weights []int64 `json:"weights"`
	Biases  []int64 `json:"biases"`
}

type requantWire struct {
	Op         string `json:"op"`
	Multiplier int64  `json:"multiplier"`
	Shift      int    `json:"shift"`
}

type poolWire struct {
	Op     string `json:"op"`
	Kernel []int  `json:"kernel"`
	Stride []int  `json:"stride"`
}

type bareWire struct {
	Op string `json:"op"`
}

// strictDecode decodes exactly one JSON value with unknown fields rejected.
func strictDecode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("trailing data after the JSON object")
	}
	return nil
}

// decodeV2 fills a from a v2 document: the JSON structure only; validateV2 checks the values.
func decodeV2(b []byte) (*Artifact, error) {
	var d docV2
	if err := strictDecode(b, &d); err != nil {
		return nil, err
	}
	if len(d.Ops) > MaxOps {
		return nil, fmt.Errorf("%d ops, want 1 to %d", len(d.Ops), MaxOps)
	}
	a := &Artifact{
		Format: d.Format, Name: d.Name, Description: d.Description, Private: d.Private, Output: d.Output,
		Input: InputSpec{Min: d.Input.Min, Max: d.Input.Max, Shape: d.Input.Shape, Preprocess: d.Input.Preprocess},
	}
	for i, raw := range d.Ops {
		op, err := decodeOp(raw)
		if err != nil {
			return nil, fmt.Errorf("op %d: %w", i, err)
		}
		a.Ops = append(a.Ops, op)
	}
	return a, nil
}

func decodeOp(raw []byte) (Op, error) {
	var head bareWire
	if err := json.Unmarshal(raw, &head); err != nil {
		return Op{}, err
	}
	op := Op{Kind: head.Op}
	var err error
	switch head.Op {
	case OpConv2D:
		var w convWire
		if err = strictDecode(raw, &w); err == nil {
			op.OutChannels, op.Weights, op.Biases = w.OutChannels, w.Weights, w.Biases
			err = firstErr(pair("kernel", w.Kernel, &op.Kernel), pair("stride", w.Stride, &op.Stride), quad("pads", w.Pads, &op.Pads))
		}
	case OpDense:
		var w denseWire
		if err = strictDecode(raw, &w); err == nil {
			op.Out, op.Weights, op.Biases = w.Out, w.Weights, w.Biases
		}
	case OpRequant:
		var w requantWire
		if err = strictDecode(raw, &w); err == nil {
			if w.Shift < 0 || w.Shift > MaxShift {
				return op, fmt.Errorf("requant: shift %d outside [0, %d]", w.Shift, MaxShift)
			}
			op.Multiplier, op.Shift = w.Multiplier, uint(w.Shift)
		}
	case OpMaxPool, OpSumPool:
		var w poolWire
		if err = strictDecode(raw, &w); err == nil {
			err = firstErr(pair("kernel", w.Kernel, &op.Kernel), pair("stride", w.Stride, &op.Stride))
		}
	case OpReLU, OpFlatten:
		err = strictDecode(raw, &bareWire{})
	default:
		return op, fmt.Errorf("unknown op %q (supported: conv2d, dense, requant, relu, maxpool, sumpool, flatten)", head.Op)
	}
	if err != nil {
		return op, fmt.Errorf("%s: %w", head.Op, err)
	}
	return op, nil
}

func pair(name string, v []int, dst *[2]int) error {
	if len(v) != 2 {
		return fmt.Errorf("%s has %d entries, want 2", name, len(v))
	}
	copy(dst[:], v)
	return nil
}

func quad(name string, v []int, dst *[4]int) error {
	if len(v) != 4 {
		return fmt.Errorf("%s has %d entries, want 4 (top, left, bottom, right)", name, len(v))
	}
	copy(dst[:], v)
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// wire returns the JSON form of op, the inverse of decodeOp.
func (op *Op) wire() any {
	switch op.Kind {
	case OpConv2D:
		return convWire{op.Kind, op.OutChannels, op.Kernel[:], op.Stride[:], op.Pads[:], op.Weights, op.Biases}
	case OpDense:
		return denseWire{op.Kind, op.Out, op.Weights, op.Biases}
	case OpRequant:
		return requantWire{op.Kind, op.Multiplier, int(op.Shift)}
	case OpMaxPool, OpSumPool:
		return poolWire{op.Kind, op.Kernel[:], op.Stride[:]}
	}
	return bareWire{op.Kind}
}
