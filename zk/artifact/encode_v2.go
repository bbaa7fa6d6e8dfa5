package artifact

import (
	"bytes"
	"encoding/json"
)

// encodeV2 writes a v2 artifact compactly: one header field and one op per line, integer arrays
// flat. Parse(encodeV2(a)) gives back the same artifact.
func encodeV2(a *Artifact) ([]byte, error) {
	in := inputV2{Shape: a.Input.Shape, Min: a.Input.Min, Max: a.Input.Max, Preprocess: a.Input.Preprocess}
	var b bytes.Buffer
	b.WriteString("{\n")
	line := func(key string, v any, last bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		k, _ := json.Marshal(key)
		b.WriteString("  ")
		b.Write(k)
		b.WriteString(": ")
		b.Write(j)
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	if err := line("format", a.Format, false); err != nil {
		return nil, err
	}
	if err := line("name", a.Name, false); err != nil {
		return nil, err
	}
	if a.Description != "" {
		if err := line("description", a.Description, false); err != nil {
			return nil, err
		}
	}
	if a.Private {
		if err := line("private", true, false); err != nil {
			return nil, err
		}
	}
	if err := line("input", in, false); err != nil {
		return nil, err
	}
	b.WriteString("  \"ops\": [\n")
	for i := range a.Ops {
		j, err := json.Marshal(a.Ops[i].wire())
		if err != nil {
			return nil, err
		}
		b.WriteString("    ")
		b.Write(j)
		if i < len(a.Ops)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  ],\n")
	if err := line("output", a.Output, true); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
