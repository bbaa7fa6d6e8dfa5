package onnx

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/hyra-network/hyra/zk/artifact"
)

// Print writes what the import did: notes, per-layer statistics and the float and quantized
// figures on the calibration data.
func (r *Result) Print(w io.Writer) {
	fmt.Fprintf(w, "float network: input %q %v, %d layers\n", r.Net.InputName, r.Net.InputShape, len(r.Net.Layers))
	for _, n := range r.Net.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "layer\tnode\tshape\tweight scale\tmax |w|\tfloat output range\trequant\tacc bits\tout bits\t")
	for _, s := range r.Layers {
		l := s.Layer
		rq := "(output)"
		if s.Multiplier != 0 {
			rq = fmt.Sprintf("*%d >> %d", s.Multiplier, s.Shift)
		}
		fmt.Fprintf(tw, "%s\t%s (%s)\t%v -> %v\t%.3g\t%d\t[%.3g, %.3g]\t%s\t%d\t%d\t\n",
			l.Kind, l.Node, l.OpType, l.In, l.Out, s.WeightScale, s.WeightMax, s.ActMin, s.ActMax, rq, s.AccBits, s.OutBits)
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "integer ops: %d (%s)\n", len(r.Artifact.Ops), opList(r.Artifact.Ops))
	e := r.Eval
	if e.Labelled {
		fmt.Fprintf(w, "float accuracy:     %s on %d calibration samples\n", percent(e.FloatCorrect, e.Samples), e.Samples)
		fmt.Fprintf(w, "quantized accuracy: %s\n", percent(e.QuantCorrect, e.Samples))
	}
	fmt.Fprintf(w, "quantized argmax = float argmax: %s of %d samples\n", percent(e.Agree, e.Samples), e.Samples)
}

func percent(k, n int) string {
	return fmt.Sprintf("%.2f%% (%d/%d)", 100*float64(k)/float64(n), k, n)
}

func opList(ops []artifact.Op) string {
	s := ""
	for i, op := range ops {
		if i > 0 {
			s += " "
		}
		s += op.Kind
	}
	return s
}
