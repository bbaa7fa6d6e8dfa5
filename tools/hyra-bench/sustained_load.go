package main

import (
	"context"
	"slices"
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
	GasPerItem    int64
	Saturated     bool
}

// saturation says when a ramp step did not keep up: the chain committed
// less than 85% of the offered rate, or more than two seconds of it were
// waiting in the mempool when the last transaction was offered.
const (
	keptUpShare    = 0.85
	keptUpBacklogS = 2.0
)

// runLoad offers txs through offer, waits until every one offered is
// committed, and reads back each block they landed in.
func runLoad(ctx context.Context, bn *benchNet, w *heightWatcher, txs []loadTx, offer pusher) (loadStep, error) {
	st := loadStep{PerTx: len(txs[0].tasks)}
	h0, err := bn.rpcs[0].height(ctx)
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
	due := map[uint64]time.Time{}
	for i, tx := range txs {
		for _, id := range tx.tasks {
			due[id] = st.Push.Due[i]
		}
	}
	var lat []time.Duration
	var blocks []sampleBlock
	gas := int64(0)
	for h := h0 + 1; h <= h1; h++ {
		b, err := bn.rpcs[0].blockTasks(ctx, h)
		if err != nil {
			return st, err
		}
		st.Failed += b.Failed
		st.FailLogs = append(st.FailLogs, b.FailLogs...)
		gas += b.GasUsed
		items := slices.Concat(b.Completed, b.Claimed)
		if len(items) == 0 {
			continue
		}
		seen := w.seenAt(h)
		st.Completed += len(b.Completed)
		st.Claimed += len(b.Claimed)
		st.Blocks++
		blocks = append(blocks, sampleBlock{seen: seen, items: len(items)})
		for _, id := range items {
			if d, ok := due[id]; ok && !seen.IsZero() {
				lat = append(lat, seen.Sub(d))
			}
		}
	}
	if n := st.Completed + st.Claimed; n > 0 {
		st.GasPerItem = gas / int64(n)
	}
	if len(blocks) > 0 {
		st.Span = blocks[len(blocks)-1].seen.Sub(st.Push.Start)
		st.BlockItems = float64(st.Completed+st.Claimed) / float64(len(blocks))
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
