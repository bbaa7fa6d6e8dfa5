package onnx

import (
	"fmt"
	"strings"

	"github.com/hyra-network/hyra/zk/artifact"
)

// Config is what the importer needs besides the model and the calibration data.
type Config struct {
	Name, Description string
	Pre               Preprocess
	Options           Options
	// Classes are the output labels written into the artifact (optional, one per output).
	Classes []string
}

// Result is an imported model with its figures on the calibration data.
type Result struct {
	// Artifact is Bytes as artifact.Parse reads them back (the model the circuit proves).
	Artifact *artifact.Artifact
	Bytes    []byte
	Net      *Network // the float network as loaded (normalised input)
	*Quantized
	Eval Evaluation
}

// Evaluation compares the float network and the quantized artifact on the calibration data.
type Evaluation struct {
	Samples      int
	Labelled     bool
	FloatCorrect int // float argmax equals the label
	QuantCorrect int // quantized argmax equals the label
	Agree        int // quantized argmax equals the float argmax
}

// Import loads an ONNX model, quantizes it with the calibration data and encodes the artifact.
// Nothing is written: the caller writes Bytes only when Import succeeds.
func Import(model []byte, data *Dataset, cfg Config) (*Result, error) {
	net, err := Load(model)
	if err != nil {
		return nil, err
	}
	want := prod(net.InputShape)
	for i, s := range data.Samples {
		if len(s) != want {
			return nil, fmt.Errorf("calibration sample %d has %d values, the model's input %q has %d (shape %v)",
				i+1, len(s), net.InputName, want, net.InputShape)
		}
		for _, v := range s {
			if v < cfg.Pre.Min || v > cfg.Pre.Max {
				return nil, fmt.Errorf("calibration sample %d: value %d outside the input range [%d, %d]",
					i+1, v, cfg.Pre.Min, cfg.Pre.Max)
			}
		}
	}
	raw, err := net.FoldInput(&cfg.Pre)
	if err != nil {
		return nil, err
	}
	q, err := Quantize(raw, data.Samples, cfg.Pre.Min, cfg.Pre.Max, cfg.Options)
	if err != nil {
		return nil, err
	}
	if n := len(cfg.Classes); n != 0 && n != net.OutputLen() {
		return nil, fmt.Errorf("%d class names for %d outputs", n, net.OutputLen())
	}
	a := &artifact.Artifact{
		Format: artifact.FormatV2, Name: cfg.Name, Description: cfg.Description,
		Input: artifact.InputSpec{
			Length: want, Min: cfg.Pre.Min, Max: cfg.Pre.Max,
			Shape: net.InputShape, Preprocess: cfg.Pre.describe(),
		},
		Ops:    q.Ops,
		Output: artifact.OutputSpec{Length: net.OutputLen(), Labels: cfg.Classes},
	}
	b, err := artifact.Encode(a)
	if err != nil {
		return nil, err
	}
	if a, err = artifact.Parse(b); err != nil {
		return nil, fmt.Errorf("the quantized model is not a valid artifact: %w", err)
	}
	net.Notes = raw.Notes
	r := &Result{Artifact: a, Bytes: b, Net: net, Quantized: q}
	r.Eval, err = evaluate(net, a, data, &cfg.Pre)
	return r, err
}

// evaluate runs the float network (on normalised inputs) and the artifact (on raw inputs).
func evaluate(net *Network, a *artifact.Artifact, data *Dataset, pre *Preprocess) (Evaluation, error) {
	e := Evaluation{Samples: len(data.Samples), Labelled: data.Labels != nil}
	fl, qu, errs := make([]int, e.Samples), make([]int, e.Samples), make([]error, e.Samples)
	parallel(e.Samples, workerCount(e.Samples), func(_, i int) {
		raw := data.Samples[i]
		x, err := pre.Normalize(net.InputShape, raw)
		if err != nil {
			errs[i] = err
			return
		}
		fl[i] = argmaxFloat(net.Forward(x, nil))
		out, err := a.Infer(raw)
		qu[i], errs[i] = artifact.Argmax(out), err
	})
	for i := range data.Samples {
		if errs[i] != nil {
			return e, errs[i]
		}
		f, q := fl[i], qu[i]
		if f == q {
			e.Agree++
		}
		if e.Labelled {
			if f == data.Labels[i] {
				e.FloatCorrect++
			}
			if q == data.Labels[i] {
				e.QuantCorrect++
			}
		}
	}
	return e, nil
}

func argmaxFloat(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// describe is the human-readable preprocessing note stored in the artifact.
func (p *Preprocess) describe() string {
	if p.Scale == 1 && len(p.Mean) == 0 && len(p.Std) == 0 {
		return ""
	}
	f := func(v []float64, def string) string {
		if len(v) == 0 {
			return def
		}
		s := make([]string, len(v))
		for i, x := range v {
			s[i] = fmt.Sprintf("%g", x)
		}
		return strings.Join(s, "/")
	}
	return fmt.Sprintf("float input = (raw * %g - %s) / %s per channel, folded into the first layer",
		p.Scale, f(p.Mean, "0"), f(p.Std, "1"))
}
