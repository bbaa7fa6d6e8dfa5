package main

import (
	"fmt"
	"time"
)

// sustainedLines renders one sustained run: the claim phase, each ramp step
// and the measured phase.
func (r *report) sustainedLines(s sustainedFigures) []string {
	v := fmt.Sprintf("%d validator", s.Validators)
	if s.Validators > 1 {
		v += "s"
	}
	var out []string
	if c := s.Claims; c.Claims > 0 {
		out = append(out, fmt.Sprintf("| %s, sustained set-up: claims | %d claims, %d to a transaction, committed in %s: **%.0f claims/s** |",
			v, c.Claims, c.PerTx, c.Took.Round(10*time.Millisecond), c.Rate))
	}
	for i, st := range s.Ramp {
		out = append(out, fmt.Sprintf("| %s, ramp step %d | %s |", v, i+1, st.summary()))
	}
	l := s.Load
	if l.Items == 0 {
		return out
	}
	out = append(out,
		fmt.Sprintf("| %s, sustained: committed verified results/s | **%.0f/s** offered %.0f/s for %s, %d results to a transaction (%s) |",
			v, l.Committed, l.Offered, l.For.Round(time.Second), l.PerTx, saturation(l)),
		fmt.Sprintf("| %s, sustained: latency offered -> committed | p50 **%s**, p90 %s, p99 %s (%d results) |",
			v, l.P50.Round(time.Millisecond), l.P90.Round(time.Millisecond), l.P99.Round(time.Millisecond), l.Completed))
	if r.Raw.OneCore > 0 {
		out = append(out, fmt.Sprintf("| %s, sustained: ratio to 1-core raw / to all-cores limit | **%.2fx / %.2fx** |",
			v, l.Committed/r.Raw.OneCore, l.Committed/r.Raw.AllCores))
	}
	cpu := 0.0
	if l.Completed > 0 {
		cpu = float64(s.NodeCPU) / float64(time.Millisecond) / float64(l.Completed)
	}
	out = append(out,
		fmt.Sprintf("| %s, sustained: cost per result | %d gas; node CPU %.2f ms (all nodes) |", v, l.GasPerItem, cpu),
		fmt.Sprintf("| %s, sustained: hyrad memory | RSS peak %s, at the end %s (largest node, sampled every 250 ms) |", v, mib(s.RSSPeak), mib(s.RSSEnd)),
		fmt.Sprintf("| %s, sustained: what the node said | %s; %d failed in blocks; %d in the mempool when the last was offered |",
			v, l.Push, l.Failed, l.Backlog*l.PerTx))
	if s.Short != "" {
		out = append(out, fmt.Sprintf("| %s, sustained: note | %s |", v, s.Short))
	}
	return out
}

func saturation(l loadStep) string {
	if l.Saturated {
		return "saturated: the chain took less than it was offered"
	}
	return "not saturated: the chain took all it was offered"
}

// ratioLine is the line scripts pick up: the chain's committed rate over the
// raw one-core verification rate of the same run, from the single-validator
// sustained run if there was one, else the single-validator burst median.
func (r *report) ratioLine() string {
	if r.Raw.OneCore <= 0 {
		return ""
	}
	for _, s := range r.Sustained {
		if s.Validators == 1 && s.Load.Committed > 0 {
			return fmt.Sprintf("chain/one-core ratio %.2f", s.Load.Committed/r.Raw.OneCore)
		}
	}
	for _, runs := range byValidators(r.Chains) {
		if runs[0].Validators == 1 {
			return fmt.Sprintf("chain/one-core ratio %.2f", median(collect(runs, func(c chainFigures) float64 { return c.EndToEnd }))/r.Raw.OneCore)
		}
	}
	return ""
}
