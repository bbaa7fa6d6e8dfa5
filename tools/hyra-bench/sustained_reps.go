package main

import (
	"context"
	"slices"
	"time"
)

// repFigures are one repetition of the measured phase.
type repFigures struct {
	Load       loadStep
	NodeCPU    time.Duration // all nodes, during the repetition
	OtherCores float64       // other programs' average CPU use during it, in cores
	LoadBefore string        // load average before and after it
	LoadAfter  string
	RSSPeak    uint64 // largest resident memory of a node, sampled during it
	RSSEnd     uint64 // the same at its end
}

// measureRep runs one repetition: txs offered through offer, with the
// machine's and the nodes' use of it.
func measureRep(ctx context.Context, bn *benchNet, w *heightWatcher, txs []loadTx, offer pusher, rd loadReads) (repFigures, error) {
	r := repFigures{LoadBefore: loadAverage()}
	cpu := startCPUMeter(bn)
	stopRSS := bn.sampleRSS(ctx)
	var err error
	r.Load, err = runLoad(ctx, bn, w, txs, offer, rd)
	r.RSSPeak, r.RSSEnd = stopRSS()
	r.NodeCPU, r.OtherCores = cpu.stop()
	r.LoadAfter = loadAverage()
	return r, err
}

// spread summarises repeated measurements: the smallest, the median (the
// lower middle one of an even count, as medianRep), the largest, and
// (largest - smallest) / median.
type spread struct {
	Min, Median, Max float64
	Percent          float64
}

func spreadOf(v []float64) spread {
	if len(v) == 0 {
		return spread{}
	}
	sorted := slices.Sorted(slices.Values(v))
	s := spread{Min: sorted[0], Median: sorted[(len(sorted)-1)/2], Max: sorted[len(sorted)-1]}
	if s.Median > 0 {
		s.Percent = (s.Max - s.Min) / s.Median * 100
	}
	return s
}

// medianRep is the repetition whose committed rate is the median (the lower
// middle one of an even count): the figures reported for the phase.
func medianRep(reps []repFigures) repFigures {
	if len(reps) == 0 {
		return repFigures{}
	}
	s := slices.Clone(reps)
	slices.SortStableFunc(s, func(a, b repFigures) int {
		switch {
		case a.Load.Committed < b.Load.Committed:
			return -1
		case a.Load.Committed > b.Load.Committed:
			return 1
		}
		return 0
	})
	return s[(len(s)-1)/2]
}

// committedRates are the repetitions' committed rates.
func committedRates(reps []repFigures) []float64 {
	out := make([]float64, len(reps))
	for i, r := range reps {
		out[i] = r.Load.Committed
	}
	return out
}
