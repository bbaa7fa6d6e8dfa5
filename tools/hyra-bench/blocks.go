package main

import (
	"context"
	"slices"
	"sync"
	"time"
)

// eventTaskCompleted is the event of a verified, settled result.
const eventTaskCompleted = "hyra.taskpool.v1.EventTaskCompleted"

// blockStat is one block of a measured window.
type blockStat struct {
	Height    int64
	Time      time.Time // header time
	Seen      time.Time // when the bench first saw the height committed (zero if not watched)
	Txs       int
	OK        int // transactions with code 0
	Failed    int
	Completed int // verified results (EventTaskCompleted)
	GasUsed   int64
}

// scanBlocks reads blocks from..to: header times and every transaction's
// outcome. It returns the blocks and up to five failure logs.
func scanBlocks(ctx context.Context, n *rpcClient, from, to int64, seen map[int64]time.Time) ([]blockStat, []string, error) {
	if to < from {
		return nil, nil, nil
	}
	metas, err := n.blockMetas(ctx, from, to)
	if err != nil {
		return nil, nil, err
	}
	var out []blockStat
	var fails []string
	for _, m := range metas {
		b := blockStat{Height: m.Height, Time: m.Time, Seen: seen[m.Height], Txs: m.NumTxs}
		if m.NumTxs > 0 {
			res, err := n.blockTasks(ctx, m.Height)
			if err != nil {
				return nil, nil, err
			}
			b.GasUsed, b.Failed, b.OK, b.Completed = res.GasUsed, res.Failed, res.Txs-res.Failed, len(res.Completed)
			fails = append(fails, res.FailLogs[:min(len(res.FailLogs), 5-len(fails))]...)
		}
		out = append(out, b)
	}
	return out, fails, nil
}

// heightWatcher records when each height is first seen committed, polling
// the node every 20 ms (a status call is cheap next to a block).
type heightWatcher struct {
	mu   sync.Mutex
	seen map[int64]time.Time
	done chan struct{}
}

// seenAt is when height h was first seen committed (zero if not yet).
func (w *heightWatcher) seenAt(h int64) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen[h]
}

func watchHeights(ctx context.Context, n *rpcClient) (*heightWatcher, func()) {
	w := &heightWatcher{seen: map[int64]time.Time{}, done: make(chan struct{})}
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		defer close(w.done)
		last := int64(0)
		for ctx.Err() == nil {
			if h, err := n.height(ctx); err == nil && h > last {
				now := time.Now()
				w.mu.Lock()
				for x := last + 1; x <= h; x++ {
					if last > 0 {
						w.seen[x] = now
					}
				}
				w.mu.Unlock()
				last = h
			}
			select {
			case <-ctx.Done():
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return w, func() { cancel(); <-w.done }
}

// percentile returns the p-th percentile (0..100) of ds, nearest rank.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
