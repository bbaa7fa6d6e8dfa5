package main

import (
	"context"
	"fmt"
	"maps"
	"math"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// sustainedConfig is the sustained mode's part of the command line.
type sustainedConfig struct {
	n            int           // results proved once and cached: the most one chain can be offered
	rate         float64       // results/s offered in the measured phase (open loop); 0: a closed loop
	inflight     int           // results in flight at most in the closed loop
	duration     time.Duration // of each repetition of the measured phase
	warmup       time.Duration // offered before the repetitions, not measured
	reps         int           // repetitions of the measured phase
	halfFor      time.Duration // of the latency step at half the saturating rate (0: none)
	resultsPerTx int
	claimsPerTx  int
	unordered    bool   // workers sign unordered transactions
	model        string // iris or mnist-cnn
	readAll      bool   // read every block's results, as before session 8
}

func (sc sustainedConfig) validate() error {
	for _, v := range []struct {
		name string
		n    int
	}{{"-results-per-tx", sc.resultsPerTx}, {"-claims-per-tx", sc.claimsPerTx}} {
		if v.n < 1 || tasksPerWorker%v.n != 0 {
			return fmt.Errorf("%s %d: must divide %d, the tasks each worker holds", v.name, v.n, tasksPerWorker)
		}
	}
	if sc.n < tasksPerWorker || sc.rate < 0 || sc.duration <= 0 || sc.reps < 1 || sc.halfFor < 0 || sc.warmup < 0 {
		return fmt.Errorf("-sustained-n (at least %d), -duration and -reps must be positive; -rate, -warmup and -half-for not negative", tasksPerWorker)
	}
	if sc.rate == 0 && sc.inflight < sc.resultsPerTx {
		return fmt.Errorf("-inflight %d: must hold at least one transaction (-results-per-tx %d)", sc.inflight, sc.resultsPerTx)
	}
	return nil
}

// Shares of the proved results: the warm-up's at most, the repetitions',
// and the rest for the latency step at half their rate.
const (
	warmShare = 0.08
	repShare  = 0.82
)

// offerFor is how the measured phase offers results for d (a closed loop, or
// -rate), the most transactions it may offer, and what it does, in words.
func (sc sustainedConfig) offerFor(d time.Duration) (pusher, int, string) {
	if sc.rate > 0 {
		return paced(sc.rate / float64(sc.resultsPerTx)), int(sc.rate * d.Seconds() / float64(sc.resultsPerTx)),
			fmt.Sprintf("%.0f results/s", sc.rate)
	}
	return closed(closedLoop{window: sc.inflight, perTx: sc.resultsPerTx}, d), math.MaxInt,
		fmt.Sprintf("a closed loop of %d results in flight", sc.inflight)
}

// sustainedFigures are one sustained run on one chain.
type sustainedFigures struct {
	Validators int
	Claims     claimFigures
	Reps       []repFigures
	Load       loadStep // the median repetition's
	NodeCPU    time.Duration
	RSSPeak    uint64
	RSSEnd     uint64
	Half       loadStep // open loop at half the median committed rate, for the latency
	Short      string   // why a repetition was shorter than asked, if one was
}

// sustainedNodeDefaults are node settings the sustained mode needs unless
// -node says otherwise: a mempool that holds the backlog of an overloaded
// minute at one result per transaction (with -rate), so that no transaction
// is refused for a full mempool and the sequence of its signer broken.
var sustainedNodeDefaults = nodeTweaks{"config:mempool.size": "100000"}

// runSustained starts a chain of v validators, sets up len(results) claimed
// tasks, offers results for -warmup (the first blocks after the set-up are
// not what follows), runs the measured phase -reps times (a closed loop
// unless -rate),
// then offers half the median committed rate to measure the latency there.
func runSustained(ctx context.Context, cfg config, m *model, results []result, v int) (sustainedFigures, error) {
	sc := cfg.sustained
	f := sustainedFigures{Validators: v}
	cctx, err := clientContext()
	if err != nil {
		return f, err
	}
	workers := make([]*account, len(results)/tasksPerWorker)
	for j := range workers {
		workers[j] = sustainedWorker(j)
	}
	ncfg := cfg
	ncfg.node = maps.Clone(sustainedNodeDefaults)
	maps.Copy(ncfg.node, cfg.node)
	bn, err := startNet(ctx, ncfg, fmt.Sprintf("chain-sustained-%dv", v), sustainedGenesis(workers), v)
	if err != nil {
		return f, err
	}
	defer bn.stop(cfg.keep)
	w, stopWatch := watchHeights(ctx, bn.rpcs[0])
	defer stopWatch()

	if f.Claims, err = setupSustained(ctx, bn, w, cctx.TxConfig, m, sc, workers, len(workers)*tasksPerWorker); err != nil {
		return f, err
	}
	if sc.unordered {
		signUnordered(workers)
	}
	txs, err := signPerWorker(workers, sc.resultsPerTx, func(a *account, tasks []uint64) ([]byte, error) {
		msgs := make([]sdk.Msg, len(tasks))
		for i, id := range tasks {
			r := results[id-1]
			msgs[i] = &tptypes.MsgSubmitResult{Worker: a.addr.String(), TaskId: r.taskID, Output: r.output, Proof: r.proof}
		}
		return signTx(cctx.TxConfig, a, gasSubmit*m.gasFactor*uint64(len(tasks)), msgs...) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	})
	if err != nil {
		return f, err
	}
	perTx := float64(sc.resultsPerTx)
	reads := loadReads{kind: itemResults, readAll: sc.readAll}
	next := 0
	if sc.warmup > 0 {
		offer, bound, how := sc.offerFor(sc.warmup)
		step("  warm-up, not measured: %s for %s", how, sc.warmup)
		warm, err := runLoad(ctx, bn, w, txs[:max(1, min(bound, int(warmShare*float64(len(txs)))))], offer, reads)
		if err != nil {
			return f, err
		}
		next = len(warm.Push.Due)
		step("    %s", warm.summary())
	}
	offer, bound, how := sc.offerFor(sc.duration)
	share := min(bound, int(repShare*float64(len(txs))/float64(sc.reps)))
	if share < 1 {
		return f, fmt.Errorf("%d transactions of results for %d repetitions: prove more results (-sustained-n)", len(txs), sc.reps)
	}
	for r := range sc.reps {
		step("  measured phase %d of %d: %s for %s, %d to a transaction", r+1, sc.reps, how, sc.duration, sc.resultsPerTx)
		rd, profiled := reads, func() {}
		if r == 0 {
			profiled = bn.profileIf(ctx, cfg, "", min(profileFor, sc.duration))
			rd.profile = func() func() {
				profiled() // one CPU profile at a time: the push's ends first
				profiled = func() {}
				return bn.profileIf(ctx, cfg, ".reads", readsProfileFor)
			}
		}
		rep, err := measureRep(ctx, bn, w, txs[next:next+share], offer, rd)
		profiled()
		f.Reps = append(f.Reps, rep)
		if err != nil {
			return f, err
		}
		next += len(rep.Load.Push.Due)
		if rep.Load.For < sc.duration*19/20 && f.Short == "" {
			f.Short = fmt.Sprintf("repetition %d offered its share of the proved results (%d) in %s instead of %s: prove more (-sustained-n)",
				r+1, share*sc.resultsPerTx, rep.Load.For.Round(time.Second), sc.duration)
		}
		step("    %s; other programs %.2f cores; node RSS peak %s; the bench's reads cost the nodes %s of CPU (%s)",
			rep.Load.summary(), rep.OtherCores, mib(rep.RSSPeak), rep.Load.ReadCPU, readScope(rep.Load))
		if rep.Load.Failed > 0 || rep.Load.Push.Rejected > 0 {
			step("    failures: %v %v", rep.Load.FailLogs, rep.Load.Push.Rejects)
		}
	}
	med := medianRep(f.Reps)
	f.Load, f.NodeCPU, f.RSSPeak, f.RSSEnd = med.Load, med.NodeCPU, med.RSSPeak, med.RSSEnd
	half := med.Load.Committed / 2
	if k := min(int(half*sc.halfFor.Seconds()/perTx), len(txs)-next); k > 0 {
		step("  latency at half the saturating rate: offering %.0f results/s for %s", half, sc.halfFor)
		if f.Half, err = runLoad(ctx, bn, w, txs[next:next+k], paced(half/perTx), reads); err != nil {
			return f, err
		}
		step("    %s", f.Half.summary())
	}
	return f, nil
}

// summary is a step in one line.
func (st loadStep) summary() string {
	kept := "kept up"
	switch {
	case st.Push.Closed:
		kept = "closed loop"
	case st.Saturated:
		kept = "saturated"
	}
	return fmt.Sprintf("offered %.0f/s, committed %.0f/s (%s; %d items in %d blocks); latency p50 %s, p90 %s, p99 %s; %d in the mempool at the end; %s; %d failed",
		st.Offered, st.Committed, kept, st.Completed+st.Claimed, st.Blocks, st.P50.Round(time.Millisecond), st.P90.Round(time.Millisecond), st.P99.Round(time.Millisecond),
		st.Backlog*st.PerTx, st.Push, st.Failed)
}

// sampleRSS samples the nodes' resident memory every 250 ms until stopped,
// and returns the largest sample of a node and the last.
func (b *benchNet) sampleRSS(ctx context.Context) (stop func() (peak, last uint64)) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var peak, last uint64
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			last = 0
			for _, pid := range b.pids() {
				last = max(last, processRSS(pid))
			}
			peak = max(peak, last)
			sleep(ctx, 250*time.Millisecond)
		}
	}()
	return func() (uint64, uint64) { cancel(); <-done; return peak, last }
}
