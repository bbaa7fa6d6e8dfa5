package main

import (
	"encoding/json"
	"errors"
	"os"
	"time"
)

// summary is one run's key figures, one JSON line per run, for aggregating
// repeated runs into medians.
type summary struct {
	Label     string             `json:"label"`
	Date      string             `json:"date"`
	Load      string             `json:"load_before"`
	Settings  string             `json:"settings"`
	RawOne    float64            `json:"raw_one_core"`
	RawAll    float64            `json:"raw_all_cores"`
	ProveMS   float64            `json:"prove_ms"`
	Chains    []chainSummary     `json:"chains"`
	TookSecs  float64            `json:"took_s"`
	Command   string             `json:"command"`
	PeakRSSMB float64            `json:"worker_peak_rss_mib"`
	Sustained []sustainedSummary `json:"sustained,omitempty"`
}

type sustainedSummary struct {
	Validators   int     `json:"validators"`
	ResultsPerTx int     `json:"results_per_tx"`
	ClaimsPerTx  int     `json:"claims_per_tx"`
	ClaimsPerSec float64 `json:"claims_per_s"`
	Offered      float64 `json:"offered"`
	Committed    float64 `json:"committed"`
	Results      int     `json:"results"`
	P50ms        float64 `json:"latency_p50_ms"`
	P90ms        float64 `json:"latency_p90_ms"`
	P99ms        float64 `json:"latency_p99_ms"`
	NodeCPUms    float64 `json:"node_cpu_ms_per_result"`
	RSSPeakMB    float64 `json:"node_rss_peak_mib"`
	Saturated    bool    `json:"saturated"`
	// RepsCommitted are the repetitions' committed rates, Spread their
	// (max - min) / median in percent, OtherCores the most other programs
	// used during one.
	RepsCommitted []float64 `json:"reps_committed"`
	SpreadPct     float64   `json:"spread_pct"`
	OtherCores    float64   `json:"other_cores_max"`
	Unordered     bool      `json:"unordered"`
}

type chainSummary struct {
	Validators int     `json:"validators"`
	Results    int     `json:"results"`
	Steady     float64 `json:"steady"`
	EndToEnd   float64 `json:"end_to_end"`
	NodeCPUms  float64 `json:"node_cpu_ms_per_result"`
	NodeRSSMB  float64 `json:"node_peak_rss_mib"`
	Blocks     int     `json:"blocks"`
	LatencyMS  float64 `json:"latency_median_ms,omitempty"`
	LatencyP99 float64 `json:"latency_p99_ms,omitempty"`
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func (r *report) appendJSON(path string) error {
	s := summary{
		Label: r.Label, Date: r.Date.Format(time.RFC3339), Load: r.Machine.LoadBefore, Settings: r.Settings,
		RawOne: r.Raw.OneCore, RawAll: r.Raw.AllCores, ProveMS: float64(r.Worker.ProveTime) / 1e6,
		TookSecs: r.Took.Seconds(), Command: r.Command, PeakRSSMB: float64(r.Worker.PeakRSS) / (1 << 20),
	}
	for _, c := range r.Chains {
		cs := chainSummary{Validators: c.Validators, Results: c.Results, Steady: c.Steady, EndToEnd: c.EndToEnd, Blocks: len(c.Blocks)}
		if c.Results > 0 {
			cs.NodeCPUms = float64(c.NodeCPU) / 1e6 / float64(c.Results)
			cs.NodeRSSMB = float64(c.NodeRSS) / (1 << 20)
		}
		if c.Latency != nil {
			cs.LatencyMS, cs.LatencyP99 = float64(c.Latency.Median)/1e6, float64(c.Latency.P99)/1e6
		}
		s.Chains = append(s.Chains, cs)
	}
	for _, c := range r.Sustained {
		l := c.Load
		ss := sustainedSummary{
			Validators: c.Validators, ResultsPerTx: l.PerTx, ClaimsPerTx: c.Claims.PerTx, ClaimsPerSec: c.Claims.Rate,
			Offered: l.Offered, Committed: l.Committed, Results: l.Completed, Saturated: l.Saturated,
			P50ms: ms(l.P50), P90ms: ms(l.P90), P99ms: ms(l.P99), RSSPeakMB: float64(c.RSSPeak) / (1 << 20),
		}
		if l.Completed > 0 {
			ss.NodeCPUms = ms(c.NodeCPU) / float64(l.Completed)
		}
		ss.RepsCommitted = committedRates(c.Reps)
		ss.SpreadPct = spreadOf(ss.RepsCommitted).Percent
		ss.Unordered = r.Unordered
		for _, rep := range c.Reps {
			ss.OtherCores = max(ss.OtherCores, rep.OtherCores)
		}
		s.Sustained = append(s.Sustained, ss)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(b, '\n'))
	return errors.Join(err, f.Close())
}
