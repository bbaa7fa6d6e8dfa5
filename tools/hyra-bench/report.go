package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// report is everything one run measured.
type report struct {
	Label, Note, Command, Settings string
	Date                           time.Time
	Machine                        machine
	Raw                            rawFigures
	RawAfter                       rawFigures // measured again after the sustained chains
	Unordered                      bool       // the sustained workers signed unordered transactions
	Worker                         workerFigures
	Pregen                         pregenFigures
	Chains                         []chainFigures
	Model                          string // whose proofs the raw rate verified
	SustainedPregen                pregenFigures
	Sustained                      []sustainedFigures
	Took                           time.Duration
}

func newReport(cfg config) *report {
	return &report{
		Label: cfg.label, Note: cfg.note, Date: time.Now().UTC(), Machine: describeMachine(),
		Command: commandLine(), Settings: nodeSettings(cfg.node), Unordered: cfg.sustained.unordered,
	}
}

// lines renders the figures as Markdown.
func (r *report) lines() []string {
	m := r.Machine
	out := []string{
		fmt.Sprintf("### %s (%s)", r.Label, r.Date.Format("2006-01-02 15:04 UTC")),
		"",
	}
	if r.Note != "" {
		out = append(out, r.Note, "")
	}
	out = append(out,
		"- command: `"+r.Command+"` (took "+r.Took.Round(time.Second).String()+")",
		fmt.Sprintf("- machine: %s, %d cores, %s RAM, %s; load average before %s, after %s",
			m.CPU, m.Cores, m.MemTotal, m.GoVersion, m.LoadBefore, m.LoadAfter),
		"- node settings: "+r.Settings,
		"",
		"| figure | value |",
		"|---|---|",
	)
	rw := r.Raw
	if rw.OneCore > 0 {
		out = append(out,
			fmt.Sprintf("| raw verification (%s proofs), 1 core | **%.0f/s** (%s each; runs %s) |", r.Model, rw.OneCore, rw.PerVerify.Round(time.Microsecond), rates(rw.OneCoreRuns)),
			fmt.Sprintf("| raw verification, %d cores (the limit) | **%.0f/s** (runs %s) |", rw.Cores, rw.AllCores, rates(rw.AllCoresRuns)))
	}
	if w := r.Worker; w.ProveTime > 0 {
		out = append(out,
			fmt.Sprintf("| worker: one %s proof | %s, %.1f proofs/s per worker; %d provers at once: %.1f proofs/s |",
				w.Model, w.ProveTime.Round(time.Millisecond), w.PerWorker, w.Provers, w.Parallel),
			fmt.Sprintf("| worker: memory | peak RSS %s, Go heap in use %s |", mib(w.PeakRSS), mib(w.HeapInUse)))
	}
	if p := r.Pregen; p.Proved > 0 || p.Cached > 0 {
		out = append(out, fmt.Sprintf("| pre-generated proofs | %d proved (%.1f/s), %d from the cache |", p.Proved, p.Rate, p.Cached))
	}
	if p := r.SustainedPregen; p.Proved > 0 || p.Cached > 0 {
		out = append(out, fmt.Sprintf("| pre-generated proofs, sustained (%s) | %d proved (%.1f/s), %d from the cache |", r.Model, p.Proved, p.Rate, p.Cached))
	}
	for _, s := range r.Sustained {
		out = append(out, r.sustainedLines(s)...)
	}
	out = append(out, r.disturbanceLines()...)
	for _, runs := range byValidators(r.Chains) {
		out = append(out, r.chainLines(runs)...)
	}
	if l := r.ratioLine(); l != "" {
		out = append(out, "", l)
	}
	return out
}

// byValidators groups the measured runs by chain size, in the order run.
func byValidators(chains []chainFigures) [][]chainFigures {
	var out [][]chainFigures
	for _, c := range chains {
		if c.Results == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1][0].Validators == c.Validators {
			out[n-1] = append(out[n-1], c)
		} else {
			out = append(out, []chainFigures{c})
		}
	}
	return out
}

// chainLines renders the runs of one chain size: medians, then each run.
func (r *report) chainLines(runs []chainFigures) []string {
	c := runs[0]
	v := fmt.Sprintf("%d validator", c.Validators)
	if c.Validators > 1 {
		v += "s"
	}
	rate := median(collect(runs, func(c chainFigures) float64 { return c.EndToEnd }))
	cpu := median(collect(runs, func(c chainFigures) float64 {
		return float64(c.NodeCPU) / float64(time.Millisecond) / float64(c.Results)
	}))
	rss := median(collect(runs, func(c chainFigures) float64 { return float64(c.NodeRSS) }))
	out := []string{
		fmt.Sprintf("| %s: committed verified results/s | **%.0f/s**, median of %d runs (%s), first broadcast to last result committed |",
			v, rate, len(runs), rates(collect(runs, func(c chainFigures) float64 { return c.EndToEnd }))),
	}
	if r.Raw.OneCore > 0 {
		out = append(out, fmt.Sprintf("| %s: ratio to 1-core raw / to all-cores limit | **%.2fx / %.2fx** |",
			v, rate/r.Raw.OneCore, rate/r.Raw.AllCores))
	}
	out = append(out,
		fmt.Sprintf("| %s: cost per result | %d gas; node CPU %.2f ms (all nodes, median) |", v, c.GasPer, cpu),
		fmt.Sprintf("| %s: node memory | peak RSS %s (largest node, median) |", v, mib(uint64(rss))))
	for i, c := range runs {
		var counts []string
		for _, b := range c.Blocks {
			counts = append(counts, fmt.Sprint(b.Completed))
		}
		out = append(out, fmt.Sprintf("| %s, run %d | %.0f/s; %d results (%d failed, %d refused in CheckTx) in blocks of %s; pushed in %s (%d mempool-full retries); node CPU %.2f ms per result |",
			v, i+1, c.EndToEnd, c.Results, c.Failed, c.Push.Rejected, strings.Join(counts, ", "),
			c.Push.Took.Round(time.Millisecond), c.Push.Retries, float64(c.NodeCPU)/float64(time.Millisecond)/float64(c.Results)))
	}
	for _, c := range runs {
		if l := c.Latency; l != nil {
			out = append(out, r.latencyLine(v, l))
		}
	}
	return out
}

func (r *report) latencyLine(v string, l *latencyFigures) string {
	target := r.Worker.ProveTime + 2*l.BlockInterval
	verdict := "met"
	switch {
	case l.Completed < l.Tasks:
		verdict = "incomplete run"
	case l.Median > target:
		verdict = "not met"
	}
	return fmt.Sprintf("| %s: latency routed -> verified result committed | median **%s**, p99 %s, max %s (%d/%d tasks); target prove + 2 blocks = %s: %s |",
		v, l.Median.Round(time.Millisecond), l.P99.Round(time.Millisecond), l.Max.Round(time.Millisecond), l.Completed, l.Tasks,
		target.Round(time.Millisecond), verdict)
}

func collect(runs []chainFigures, f func(chainFigures) float64) []float64 {
	out := make([]float64, len(runs))
	for i, c := range runs {
		out[i] = f(c)
	}
	return out
}

func (r *report) print(w io.Writer) {
	fmt.Fprintln(w)
	for _, l := range r.lines() {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
}

// record writes the figures into path between this label's markers,
// replacing an earlier run of the same label, or at the end.
func (r *report) record(path string) error {
	begin, end := "<!-- bench:"+r.Label+" -->", "<!-- /bench:"+r.Label+" -->"
	section := begin + "\n" + strings.Join(r.lines(), "\n") + "\n" + end
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	s := string(old)
	if s == "" {
		s = "# Benchmarks\n\nFigures written by `make bench` (tools/hyra-bench).\n"
	}
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i >= 0 && j > i {
		s = s[:i] + section + s[j+len(end):]
	} else {
		s = strings.TrimRight(s, "\n") + "\n\n" + section + "\n"
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

// nodeSettings lists the node settings, and the GOGC and GOMAXPROCS the
// nodes inherit from this process's environment.
func nodeSettings(t nodeTweaks) string {
	s := t.String()
	for _, env := range []string{"GOGC", "GOMAXPROCS"} {
		if v := os.Getenv(env); v != "" {
			s += ", env " + env + "=" + v
		}
	}
	return s
}

// commandLine is how this run was started, arguments quoted where needed.
func commandLine() string {
	args := []string{"go run ./tools/hyra-bench"}
	for _, a := range os.Args[1:] {
		if a == "" || strings.ContainsAny(a, " \t\"'") {
			a = fmt.Sprintf("%q", a)
		}
		args = append(args, a)
	}
	return strings.Join(args, " ")
}

func rates(v []float64) string {
	var s []string
	for _, x := range v {
		s = append(s, fmt.Sprintf("%.0f", x))
	}
	return strings.Join(s, ", ")
}

func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
