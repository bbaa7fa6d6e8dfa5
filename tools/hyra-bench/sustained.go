package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// sustainedConfig is the sustained mode's part of the command line.
type sustainedConfig struct {
	n            int           // results proved once and cached: the most one chain can be offered
	rate         float64       // results/s offered in the measured phase; 0: found by the ramp
	duration     time.Duration // of the measured phase
	rampStep     time.Duration // of each ramp step
	rampFrom     float64       // the ramp's first rate
	resultsPerTx int
	claimsPerTx  int
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
	if sc.n < tasksPerWorker || sc.rate < 0 || sc.duration <= 0 || sc.rampStep <= 0 || sc.rampFrom <= 0 {
		return fmt.Errorf("-sustained-n (at least %d), -rate, -duration, -ramp-step and -ramp-from must be positive", tasksPerWorker)
	}
	return nil
}

// rampFactor is how much each ramp step raises the offered rate; the
// measured phase then offers overload x the rate the chain committed in the
// step that did not keep up, so that it is saturated throughout without a
// backlog that grows by more than a tenth of its rate per second.
const (
	rampFactor = 2.0
	overload   = 1.1
)

// sustainedFigures are one sustained run on one chain.
type sustainedFigures struct {
	Validators int
	Claims     claimFigures
	Ramp       []loadStep
	Load       loadStep // the measured phase
	NodeCPU    time.Duration
	RSSPeak    uint64 // largest resident memory of a node, sampled during the measured phase
	RSSEnd     uint64 // the same at its end
	Short      string // why the measured phase was shorter than asked, if it was
}

// sustainedNodeDefaults are node settings the sustained mode needs unless
// -node says otherwise: a mempool that holds the backlog of an overloaded
// minute at one result per transaction, so that no transaction is refused
// for a full mempool and the sequence of its signer broken.
var sustainedNodeDefaults = nodeTweaks{"config:mempool.size": "100000"}

// runSustained starts a chain of v validators, sets up len(results) claimed
// tasks, ramps the offered rate until the chain no longer keeps up (unless
// -rate), then offers the measured rate for -duration.
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
	txs, err := signPerWorker(workers, sc.resultsPerTx, func(a *account, tasks []uint64) ([]byte, error) {
		msgs := make([]sdk.Msg, len(tasks))
		for i, id := range tasks {
			r := results[id-1]
			msgs[i] = &tptypes.MsgSubmitResult{Worker: a.addr.String(), TaskId: r.taskID, Output: r.output, Proof: r.proof}
		}
		return signTx(cctx.TxConfig, a, gasSubmit*uint64(len(tasks)), msgs...) //nolint:gosec // G115: benchmark counts and ids, far below the type limits
	})
	if err != nil {
		return f, err
	}
	perTx := float64(sc.resultsPerTx)
	next, rate := 0, sc.rate
	for r := sc.rampFrom; rate == 0; r *= rampFactor {
		k := int(r * sc.rampStep.Seconds() / perTx)
		if next+k > len(txs) {
			return f, fmt.Errorf("the chain kept up with every rate up to %.0f results/s: prove more results (-sustained-n)", r/rampFactor)
		}
		step("  ramp: offering %.0f results/s for %s", r, sc.rampStep)
		st, err := runLoad(ctx, bn, w, txs[next:next+k], r)
		next += k
		f.Ramp = append(f.Ramp, st)
		if err != nil {
			return f, err
		}
		step("    %s", st.summary())
		if st.Saturated {
			rate = overload * st.Committed
		}
	}
	k := int(rate * sc.duration.Seconds() / perTx)
	if left := len(txs) - next; k > left {
		f.Short = fmt.Sprintf("%d results left of %d proved: offered for %s instead of %s",
			left*sc.resultsPerTx, len(results), time.Duration(float64(left)*perTx/rate*float64(time.Second)).Round(time.Second), sc.duration)
		k = left
	}
	if k < 1 {
		return f, errors.New("no results left for the measured phase: prove more results (-sustained-n)")
	}
	step("  measured phase: offering %.0f results/s for %s, %d to a transaction", rate, sc.duration, sc.resultsPerTx)
	cpu0 := bn.cpuTime()
	stopRSS := bn.sampleRSS(ctx)
	f.Load, err = runLoad(ctx, bn, w, txs[next:next+k], rate)
	f.RSSPeak, f.RSSEnd = stopRSS()
	f.NodeCPU = bn.cpuTime() - cpu0
	if err != nil {
		return f, err
	}
	step("    %s; node RSS peak %s", f.Load.summary(), mib(f.RSSPeak))
	if f.Load.Failed > 0 || f.Load.Push.Rejected > 0 {
		step("    failures: %v %v", f.Load.FailLogs, f.Load.Push.Rejects)
	}
	return f, nil
}

// summary is a step in one line.
func (st loadStep) summary() string {
	kept := "kept up"
	if st.Saturated {
		kept = "saturated"
	}
	return fmt.Sprintf("offered %.0f/s, committed %.0f/s (%s); latency p50 %s, p90 %s, p99 %s; %d in the mempool at the end; %s; %d failed",
		st.Offered, st.Committed, kept, st.P50.Round(time.Millisecond), st.P90.Round(time.Millisecond), st.P99.Round(time.Millisecond),
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
