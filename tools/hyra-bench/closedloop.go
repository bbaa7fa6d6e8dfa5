package main

import (
	"context"
	"time"
)

// An open loop that offers more than the chain takes grows a backlog in the
// mempool, and CometBFT re-checks the whole backlog after every block under
// the same lock as the block: the more it is overloaded, the less such a
// chain commits, and the figure depends on by how much it was overloaded.
// The closed loop measures saturation without that: it keeps a bounded
// number of results in flight (offered, not yet committed), offering more
// as blocks take them, so the mempool holds enough to fill the next blocks
// and never more than the window, whatever the chain's rate.

// closedLoop decides how many transactions to offer now so that at most
// window items (results) are in flight.
type closedLoop struct {
	window int // items in flight at most
	perTx  int // items per transaction
}

// closedLoopTick is how often the closed loop looks at the mempools.
const closedLoopTick = 20 * time.Millisecond

// room is how many transactions may be offered now, when inMempool
// transactions wait in the fullest mempool and unanswered ones were offered
// and not yet accepted or refused by a node.
func (c closedLoop) room(inMempool, unanswered int) int {
	free := c.window - (inMempool+unanswered)*c.perTx
	return max(0, free/c.perTx)
}

// closed offers txs, in order, for d (or until they run out) under loop's
// bound.
func closed(loop closedLoop, d time.Duration) pusher {
	return func(ctx context.Context, nodes []*rpcClient, txs []loadTx) (*pacedPush, error) {
		s := startSenders(ctx, nodes, txs)
		s.p.Closed, s.p.Window = true, loop.window
		next := 0
		for next < len(txs) && time.Since(s.p.Start) < d && ctx.Err() == nil {
			fullest := 0
			for _, n := range nodes {
				u, err := n.unconfirmed(ctx)
				if err != nil {
					s.wait(ctx) //nolint:errcheck // the mempool's error is the one to report
					return s.p, err
				}
				fullest = max(fullest, u)
			}
			if next > 0 { // once the first offer is in
				s.p.Samples++
				if fullest == 0 {
					s.p.EmptySamples++
				}
			}
			now := time.Now()
			for k := min(loop.room(fullest, next-s.answered()), len(txs)-next); k > 0; k-- {
				s.offer(next, now)
				next++
			}
			sleep(ctx, closedLoopTick)
		}
		return s.wait(ctx)
	}
}
