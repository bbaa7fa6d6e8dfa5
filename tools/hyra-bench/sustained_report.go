package main

import (
	"fmt"
	"slices"
	"strings"
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
	for i, rep := range s.Reps {
		st := rep.Load
		out = append(out, fmt.Sprintf("| %s, sustained repetition %d | committed **%.0f/s** over %s (offered %.0f/s; blocks of %.0f results every %s); latency p50 %s, p90 %s, p99 %s; %s; other programs %.2f cores, load average %s -> %s |",
			v, i+1, st.Committed, st.For.Round(time.Second), st.Offered, st.BlockItems, st.BlockInterval.Round(10*time.Millisecond),
			st.P50.Round(time.Millisecond), st.P90.Round(time.Millisecond), st.P99.Round(time.Millisecond), st.Push, rep.OtherCores, rep.LoadBefore, rep.LoadAfter))
	}
	l := s.Load
	if l.Items == 0 {
		return out
	}
	sp := spreadOf(committedRates(s.Reps))
	out = append(out,
		fmt.Sprintf("| %s, sustained: committed verified results/s | **%.0f/s** (median of %d; min %.0f, max %.0f: **spread %.1f%%**), %d results to a transaction (%s) |",
			v, sp.Median, len(s.Reps), sp.Min, sp.Max, sp.Percent, l.PerTx, saturation(l)),
		fmt.Sprintf("| %s, sustained: latency offered -> committed, at saturation | p50 **%s**, p90 %s, p99 %s (%d results, median repetition) |",
			v, l.P50.Round(time.Millisecond), l.P90.Round(time.Millisecond), l.P99.Round(time.Millisecond), l.Completed))
	if h := s.Half; h.Items > 0 {
		out = append(out, fmt.Sprintf("| %s, sustained: latency at half the saturating rate | p50 **%s**, p90 %s, p99 %s (offered %.0f/s, committed %.0f/s) |",
			v, h.P50.Round(time.Millisecond), h.P90.Round(time.Millisecond), h.P99.Round(time.Millisecond), h.Offered, h.Committed))
	}
	if r.Raw.OneCore > 0 {
		out = append(out, fmt.Sprintf("| %s, sustained: ratio to 1-core raw / to all-cores limit | **%.2fx / %.2fx** |",
			v, l.Committed/r.Raw.OneCore, l.Committed/r.Raw.AllCores))
	}
	cpu, reads := 0.0, 0.0
	if l.Completed > 0 {
		cpu = float64(s.NodeCPU) / float64(time.Millisecond) / float64(l.Completed)
		reads = float64(l.ReadCPU) / float64(time.Microsecond) / float64(l.Completed)
	}
	out = append(out,
		fmt.Sprintf("| %s, sustained: cost per result | %d gas (%s); node CPU %.2f ms (all nodes), of which %.0f µs while the bench read the blocks back (%s) |",
			v, l.GasPerItem, l.GasFrom, cpu, reads, readScope(l)),
		fmt.Sprintf("| %s, sustained: hyrad memory | RSS peak %s, at the end %s (largest node, sampled every 250 ms) |", v, mib(s.RSSPeak), mib(s.RSSEnd)),
		fmt.Sprintf("| %s, sustained: what the node said | %s; %d failed in blocks; %d in the mempool when the last was offered |",
			v, l.Push, l.Failed, l.Backlog*l.PerTx))
	if s.Short != "" {
		out = append(out, fmt.Sprintf("| %s, sustained: note | %s |", v, s.Short))
	}
	return out
}

// readScope says what the bench read of each block.
func readScope(l loadStep) string {
	if l.ReadAll {
		return "every block's results"
	}
	return "/block, the pool's counters and a few transactions' results"
}

func saturation(l loadStep) string {
	switch {
	case l.Push.Closed:
		return fmt.Sprintf("a closed loop of %d results in flight; the mempool was empty in %.1f%% of its samples (0: the chain, not the window, set the rate)",
			l.Push.Window, l.Push.emptyShare()*100)
	case l.Saturated:
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

// disturbanceLines say how much of the machine others used during the
// sustained repetitions and whether the raw rate moved: the spread of the
// repetitions means something only when nothing disturbed them.
func (r *report) disturbanceLines() []string {
	var others []float64
	for _, s := range r.Sustained {
		for _, rep := range s.Reps {
			others = append(others, rep.OtherCores)
		}
	}
	if len(others) == 0 || r.RawAfter.OneCore <= 0 {
		return nil
	}
	out := []string{fmt.Sprintf("| raw verification after the chains, 1 core / %d cores | %.0f/s / %.0f/s (%.1f%% from before) |",
		r.RawAfter.Cores, r.RawAfter.OneCore, r.RawAfter.AllCores, rawDrift(r.Raw.OneCore, r.RawAfter.OneCore)*100)}
	if d := disturbance(others, r.Raw.OneCore, r.RawAfter.OneCore); len(d) > 0 {
		return append(out, "| disturbed | **yes**: "+strings.Join(d, "; ")+" |")
	}
	return append(out, fmt.Sprintf("| disturbed | no: other programs used at most %.2f cores during any repetition, the raw rate moved less than %.0f%% |",
		slices.Max(others), maxRawDrift*100))
}
