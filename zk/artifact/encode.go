package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Encode writes a in the layout the bundled models use: indented, one weight row per line, so
// artifacts stay readable and diff well. Any JSON layout parses; only the exact stored bytes
// define the model hash. A v2 artifact is written by encodeV2.
func Encode(a *Artifact) ([]byte, error) {
	if a.Format == FormatV2 {
		return encodeV2(a)
	}
	var b bytes.Buffer
	field := func(indent, key string, v any, comma bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s%q: %s", indent, key, j)
		if comma {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	b.WriteString("{\n")
	head := []struct {
		k string
		v any
	}{{"format", a.Format}, {"name", a.Name}, {"description", a.Description}, {"private", a.Private}, {"input", a.Input}}
	for _, f := range head {
		if f.k == "description" && f.v == "" || f.k == "private" && f.v == false {
			continue
		}
		if err := field("  ", f.k, f.v, true); err != nil {
			return nil, err
		}
	}
	b.WriteString("  \"layers\": [\n")
	for l, ly := range a.Layers {
		fmt.Fprintf(&b, "    {\n      \"in\": %d,\n      \"out\": %d,\n      \"scale_bits\": %d,\n      \"relu\": %t,\n", ly.In, ly.Out, ly.ScaleBits, ly.ReLU)
		if err := field("      ", "biases", ly.Biases, true); err != nil {
			return nil, err
		}
		b.WriteString("      \"weights\": [\n")
		for j, row := range ly.Weights {
			r, err := json.Marshal(row)
			if err != nil {
				return nil, err
			}
			b.WriteString("        ")
			b.Write(r)
			if j < len(ly.Weights)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("      ]\n    }")
		if l < len(a.Layers)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  ],\n")
	if err := field("  ", "output", a.Output, false); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
