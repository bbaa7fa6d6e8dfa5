package main

import (
	"context"
	"time"
)

// loadStep is one offered load and what the chain made of it. Items are
// results (or, in the set-up's claim phase, claims).
type loadStep struct {
	Offered   float64 // items per second offered
	Items     int     // items offered
	PerTx     int     // items per transaction
	For       time.Duration
	Committed float64 // items committed per second, from the first block that holds some to the last
	Completed int     // verified results committed
	Claimed   int     // claims committed
	Span      time.Duration
	// BlockItems and BlockInterval are the mean items in a block that held
	// some, and the mean time between such blocks: with blocks limited by
	// neither gas nor (in practice) bytes, a closed loop's blocks hold about
	// its window, and its rate is window / interval.
	BlockItems    float64
	BlockInterval time.Duration
	Blocks        int
	// P50, P90 and P99 are the latencies of the committed items: offered ->
	// the block that holds it seen committed.
	P50, P90, P99 time.Duration
	Backlog       int // transactions in node 0's mempool when the last one was offered
	Failed        int // transactions that failed in a block
	FailLogs      []string
	Push          *pacedPush
	// GasPerItem is the gas used per item of the results GasFrom names.
	GasPerItem int64
	GasFrom    string
	Saturated  bool
	// ReadCPU is the nodes' CPU time while the bench read back the blocks;
	// ReadAll says it read every block's results (-read-all, or a failure).
	ReadCPU time.Duration
	ReadAll bool
}

// saturation says when a ramp step did not keep up: the chain committed
// less than 85% of the offered rate, or more than two seconds of it were
// waiting in the mempool when the last transaction was offered.
const (
	keptUpShare    = 0.85
	keptUpBacklogS = 2.0
)

// loadReads says how runLoad reads back what a load committed.
type loadReads struct {
	kind    itemKind
	readAll bool // every block's results (-read-all), not only where the counter disagrees
	// profile, when set, is called before the reads and what it returns
	// after them (the first repetition's profile of the reads).
	profile func() (wait func())
}

// runLoad offers txs through offer, waits until every one offered is
// committed, and reads back what the blocks they landed in committed
// (readLedger), measuring what the reads cost the nodes.
func runLoad(ctx context.Context, bn *benchNet, w *heightWatcher, txs []loadTx, offer pusher, rd loadReads) (loadStep, error) {
	st := loadStep{PerTx: len(txs[0].tasks)}
	h0, err := bn.rpcs[0].height(ctx)
	if err != nil {
		return st, err
	}
	before, err := bn.rpcs[0].poolCounts(ctx)
	if err != nil {
		return st, err
	}
	st.Push, err = offer(ctx, bn.rpcs, txs)
	if err != nil {
		return st, err
	}
	txs = txs[:len(st.Push.Due)]
	st.Items = len(txs) * st.PerTx
	st.For, st.Offered = st.Push.Took, st.Push.offered(st.Items)
	if st.Backlog, err = bn.rpcs[0].unconfirmed(ctx); err != nil {
		return st, err
	}
	h1, err := waitDrained(ctx, bn.rpcs)
	if err != nil {
		return st, err
	}
	profiled := func() {}
	if rd.profile != nil {
		profiled = rd.profile()
	}
	cpu0 := bn.cpuTime()
	l, err := readLedger(ctx, bn.rpcs[0], txs, rd.kind, before, h0+1, h1, rd.readAll)
	st.ReadCPU, st.ReadAll = bn.cpuTime()-cpu0, l.readAll
	profiled()
	if err != nil {
		return st, err
	}
	st.Failed, st.FailLogs = l.failed, l.failLogs
	due := map[uint64]time.Time{}
	for i, tx := range txs {
		for _, id := range tx.tasks {
			due[id] = st.Push.Due[i]
		}
	}
	var lat []time.Duration
	var blocks []sampleBlock
	for _, b := range l.blocks {
		if len(b.items) == 0 {
			continue
		}
		seen := w.seenAt(b.height)
		st.Blocks++
		blocks = append(blocks, sampleBlock{seen: seen, items: len(b.items)})
		for _, id := range b.items {
			if d, ok := due[id]; ok && !seen.IsZero() {
				lat = append(lat, seen.Sub(d))
			}
		}
	}
	n := 0
	for _, b := range blocks {
		n += b.items
	}
	if rd.kind == itemClaims {
		st.Claimed = n
	} else {
		st.Completed = n
	}
	if l.gasItems > 0 {
		st.GasPerItem, st.GasFrom = l.gas/int64(l.gasItems), l.gasFrom
	}
	if len(blocks) > 0 {
		st.Span = blocks[len(blocks)-1].seen.Sub(st.Push.Start)
		st.BlockItems = float64(n) / float64(len(blocks))
	}
	if len(blocks) > 1 {
		st.BlockInterval = blocks[len(blocks)-1].seen.Sub(blocks[0].seen) / time.Duration(len(blocks)-1)
	}
	st.Committed = committedRate(blocks, st.Push.Start.Add(st.Push.Took))
	st.P50, st.P90, st.P99 = percentile(lat, 50), percentile(lat, 90), percentile(lat, 99)
	st.Saturated = st.Committed < keptUpShare*st.Offered || float64(st.Backlog*st.PerTx) > keptUpBacklogS*st.Offered
	if len(st.FailLogs) > 5 {
		st.FailLogs = st.FailLogs[:5]
	}
	return st, nil
}

// sampleBlock is a block that holds items of a load, and when it was seen.
type sampleBlock struct {
	seen  time.Time
	items int
}

// committedRate is the rate at which blocks committed items while they were
// being offered: the items of the blocks after the first, up to the last one
// seen before the offer ended, over the time between the first and that
// one. Blocks that drain what is left after the offer hold less than a
// block's interval of it and would bias a short step low. Without two such
// blocks (a step shorter than two blocks), it counts every block.
func committedRate(blocks []sampleBlock, offerEnd time.Time) float64 {
	last := -1
	for i, b := range blocks {
		if !b.seen.After(offerEnd) {
			last = i
		}
	}
	if last < 1 {
		last = len(blocks) - 1
	}
	if last < 1 {
		return 0
	}
	n := 0
	for _, b := range blocks[1 : last+1] {
		n += b.items
	}
	return float64(n) / blocks[last].seen.Sub(blocks[0].seen).Seconds()
}
