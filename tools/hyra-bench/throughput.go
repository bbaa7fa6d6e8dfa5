package main

import (
	"context"
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// pushOpts is how results are pushed: several goroutines, each sending
// batches of broadcast_tx_sync calls.
var pushOpts = pushOptions{goroutines: 8, batch: maxBatch}

// chainFigures are one chain's throughput and latency.
type chainFigures struct {
	Validators int
	Results    int // verified results committed
	Failed     int // result transactions that failed in a block
	Push       pushStats
	// EndToEnd is results / (first broadcast -> last result block seen).
	EndToEnd float64
	// Steady is the rate over the blocks after the first one with results:
	// results in them / time between their commits as the bench saw them.
	Steady   float64
	Blocks   []blockStat
	NodeCPU  time.Duration // CPU time of all nodes during the push
	BenchCPU time.Duration // CPU time of this process during the push
	NodeRSS  uint64        // largest peak resident memory of a node after the push
	GasPer   int64         // gas used per result transaction
	Setup    time.Duration
	Latency  *latencyFigures
}

// runChain starts a chain of v validators, prepares len(results) claimed
// tasks, pushes the results and measures; on the single validator, when
// withLatency, it also runs the latency measurement.
func runChain(ctx context.Context, cfg config, m *model, results []result, v int, withLatency bool) (chainFigures, error) {
	f := chainFigures{Validators: v}
	cctx, err := clientContext()
	if err != nil {
		return f, err
	}
	workers := make([]*account, len(results))
	for i := range workers {
		workers[i] = throughputWorker(i)
	}
	latencyWorkers := 0
	if v == 1 && cfg.latency > 0 && withLatency {
		latencyWorkers = latencyWorkerCount
	}
	bn, err := startNet(ctx, cfg, fmt.Sprintf("chain-%dv", v), patchAccounts(genesisAccounts(len(results), latencyWorkers)), v)
	if err != nil {
		return f, err
	}
	defer bn.stop(cfg.keep)

	start := time.Now()
	client := clientAccount()
	if err := setupTasks(ctx, bn, cctx.TxConfig, m, ownerAccount(), client, workers, len(results)); err != nil {
		return f, err
	}
	f.Setup = time.Since(start)
	txs, err := signEach(cctx.TxConfig, workers, gasSubmit, func(i int) []sdk.Msg {
		r := results[i]
		return []sdk.Msg{&tptypes.MsgSubmitResult{Worker: workers[i].addr.String(), TaskId: r.taskID, Output: r.output, Proof: r.proof}}
	})
	if err != nil {
		return f, err
	}
	if err := measureThroughput(ctx, cfg, bn, txs, &f); err != nil {
		return f, err
	}
	if latencyWorkers > 0 {
		lat, err := measureLatency(ctx, cfg, bn, cctx, m, client, cfg.latency)
		f.Latency = &lat
		if err != nil {
			return f, fmt.Errorf("latency run: %w", err)
		}
	}
	return f, nil
}

// measureThroughput pushes the signed results and reads back every block
// they landed in.
func measureThroughput(ctx context.Context, cfg config, bn *benchNet, txs [][]byte, f *chainFigures) error {
	h0, err := bn.rpcs[0].height(ctx)
	if err != nil {
		return err
	}
	w, stopWatch := watchHeights(ctx, bn.rpcs[0])
	cpu0, self0 := bn.cpuTime(), selfCPU()
	defer bn.profileIf(ctx, cfg, "", profileFor)()
	start := time.Now()
	f.Push, err = push(ctx, bn.rpcs, txs, pushOpts)
	if err != nil {
		stopWatch()
		return err
	}
	h1, err := waitDrained(ctx, bn.rpcs)
	f.NodeCPU, f.BenchCPU, f.NodeRSS = bn.cpuTime()-cpu0, selfCPU()-self0, bn.peakRSS()
	stopWatch()
	if err != nil {
		return err
	}
	blocks, fails, err := scanBlocks(ctx, bn.rpcs[0], h0+1, h1, w.seen)
	if err != nil {
		return err
	}
	first, last := -1, -1
	var gas int64
	for i, b := range blocks {
		f.Results += b.Completed
		f.Failed += b.Failed
		gas += b.GasUsed
		if b.Completed > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return fmt.Errorf("no result was committed; failures: %v; refused: %v", fails, f.Push.Rejects)
	}
	f.Blocks = blocks[first : last+1]
	if n := f.Results + f.Failed; n > 0 {
		f.GasPer = gas / int64(n)
	}
	if end := blocks[last].Seen; !end.IsZero() {
		f.EndToEnd = float64(f.Results) / end.Sub(start).Seconds()
	}
	if last > first && !blocks[first].Seen.IsZero() {
		n := 0
		for _, b := range blocks[first+1 : last+1] {
			n += b.Completed
		}
		f.Steady = float64(n) / blocks[last].Seen.Sub(blocks[first].Seen).Seconds()
	}
	step("  %d results committed in %d blocks (%d failed): %.0f/s end to end, %.0f/s steady; node CPU %s, bench CPU %s",
		f.Results, len(f.Blocks), f.Failed, f.EndToEnd, f.Steady, f.NodeCPU.Round(10*time.Millisecond), f.BenchCPU.Round(10*time.Millisecond))
	if len(fails) > 0 {
		step("  failures: %v", fails)
	}
	return nil
}
