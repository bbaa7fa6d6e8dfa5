package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// pushStats are what the nodes answered to a push.
type pushStats struct {
	Accepted int
	Rejected int
	Retries  int // broadcasts refused for a full mempool, then sent again
	Rejects  []string
	Took     time.Duration
}

// pushOptions say how to push: goroutines each send batches of batch
// transactions per HTTP request (JSON-RPC batch of broadcast_tx_sync),
// spread round-robin over the nodes.
type pushOptions struct {
	goroutines, batch int
}

// push broadcasts txs as fast as the nodes take them. A transaction refused
// for a full mempool is sent again after a pause; any other refusal is
// counted and reported. With one goroutine, transactions reach the node in
// order (needed when one account signs several).
func push(ctx context.Context, nodes []*rpcClient, txs [][]byte, opt pushOptions) (pushStats, error) {
	var st pushStats
	start := time.Now()
	batches := make(chan [][]byte)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for g := range opt.goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			node := nodes[g%len(nodes)]
			for b := range batches {
				if err := pushBatch(ctx, node, b, &st, &mu); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < len(txs) && ctx.Err() == nil; i += opt.batch {
		batches <- txs[i:min(i+opt.batch, len(txs))]
	}
	close(batches)
	wg.Wait()
	st.Took = time.Since(start)
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return st, firstErr
}

// pushBatch sends one batch until every transaction in it is accepted or
// refused for good.
func pushBatch(ctx context.Context, node *rpcClient, b [][]byte, st *pushStats, mu *sync.Mutex) error {
	for attempt := 0; len(b) > 0; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		outs, err := node.broadcastBatch(ctx, b)
		if err != nil {
			if attempt < 20 && ctx.Err() == nil {
				continue
			}
			return fmt.Errorf("broadcast: %w", err)
		}
		var again [][]byte
		mu.Lock()
		for i, o := range outs {
			switch {
			case o.OK:
				st.Accepted++
			case o.Retry:
				st.Retries++
				again = append(again, b[i])
			default:
				st.Rejected++
				if len(st.Rejects) < 5 {
					st.Rejects = append(st.Rejects, o.Log)
				}
			}
		}
		mu.Unlock()
		b = again
	}
	return nil
}

// waitDrained waits until no node has a transaction in its mempool, then for
// one more block, and returns the height by which everything pushed is
// committed.
func waitDrained(ctx context.Context, nodes []*rpcClient) (int64, error) {
	for {
		pending := 0
		for _, n := range nodes {
			u, err := n.unconfirmed(ctx)
			if err != nil {
				return 0, err
			}
			pending += u
		}
		if pending == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("%d transactions still pending: %w", pending, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
	h, err := nodes[0].height(ctx)
	if err != nil {
		return 0, err
	}
	return h + 1, waitHeight(ctx, nodes[0], h+1)
}

// waitHeight waits until the node has committed block h.
func waitHeight(ctx context.Context, n *rpcClient, h int64) error {
	for {
		cur, err := n.height(ctx)
		if err == nil && cur >= h {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("height %d not reached (at %d, %w): %w", h, cur, err, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// maxBatch is CometBFT's default max_request_batch_size: the most
// broadcasts one JSON-RPC batch may carry.
const maxBatch = 10
