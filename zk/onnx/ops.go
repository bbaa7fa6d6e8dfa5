package onnx

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Format is the artifact format the importer writes (see /work/contracts/qnn-v2.md, zk/README.md).
const Format = "hyra-qnn/v2"

// Op is one integer op of a `hyra-qnn/v2` artifact; which fields are set depends on Op.
type Op struct {
	Op          string
	OutChannels int    // conv2d
	Out         int    // dense
	Kernel      [2]int // conv2d, maxpool, sumpool
	Stride      [2]int
	Pads        [4]int // conv2d: top, left, bottom, right
	Weights     []int64
	Biases      []int64
	Multiplier  int64 // requant
	Shift       int
}

// Artifact is a `hyra-qnn/v2` model as the importer writes it.
type Artifact struct {
	Name, Description string
	InputShape        []int
	InputMin          int64
	InputMax          int64
	Preprocess        string
	Ops               []Op
	OutputLen         int
	Labels            []string
}

// Encode writes the artifact compactly, one op per line, fields in the contract's order.
func (a *Artifact) Encode() ([]byte, error) {
	var b bytes.Buffer
	put := func(key string, v any) {
		j, err := json.Marshal(v)
		if err != nil {
			panic(err) // only ints, strings and slices of them: cannot fail
		}
		fmt.Fprintf(&b, "%q:%s", key, j)
	}
	b.WriteString("{")
	put("format", Format)
	b.WriteString(",")
	put("name", a.Name)
	if a.Description != "" {
		b.WriteString(",")
		put("description", a.Description)
	}
	b.WriteString(",\n")
	in := map[string]any{"shape": a.InputShape, "min": a.InputMin, "max": a.InputMax}
	if a.Preprocess != "" {
		in["preprocess"] = a.Preprocess
	}
	put("input", in)
	b.WriteString(",\n\"ops\":[\n")
	for i, op := range a.Ops {
		b.WriteString("{")
		put("op", op.Op)
		field := func(k string, v any) { b.WriteString(","); put(k, v) }
		switch op.Op {
		case "conv2d":
			field("out_channels", op.OutChannels)
			field("kernel", op.Kernel)
			field("stride", op.Stride)
			field("pads", op.Pads)
		case "dense":
			field("out", op.Out)
		case "requant":
			field("multiplier", op.Multiplier)
			field("shift", op.Shift)
		case "maxpool", "sumpool":
			field("kernel", op.Kernel)
			field("stride", op.Stride)
		}
		if op.Op == "conv2d" || op.Op == "dense" {
			field("weights", op.Weights)
			field("biases", op.Biases)
		}
		b.WriteString("}")
		if i < len(a.Ops)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("],\n")
	out := map[string]any{"length": a.OutputLen}
	if len(a.Labels) > 0 {
		out["labels"] = a.Labels
	}
	put("output", out)
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// Infer runs the integer ops on a raw input: exact int64 arithmetic, requant as an arithmetic
// shift of x*multiplier (floor also for negatives), as the contract defines.
func (a *Artifact) Infer(input []int64) []int64 {
	x, shape := input, a.InputShape
	for _, op := range a.Ops {
		switch op.Op {
		case "conv2d":
			x, shape = conv2d(x, shape, op.Weights, op.Biases, op.Kernel, op.Stride, op.Pads)
		case "dense":
			x, shape = dense(x, op.Weights, op.Biases), []int{op.Out}
		case "requant":
			y := make([]int64, len(x))
			for i, v := range x {
				y[i] = v * op.Multiplier >> op.Shift
			}
			x = y
		case "relu":
			x = relu(x)
		case "maxpool", "sumpool":
			x, shape = pool2d(x, shape, op.Kernel, op.Stride, op.Op == "maxpool")
		case "flatten":
			shape = []int{len(x)}
		}
	}
	return x
}
