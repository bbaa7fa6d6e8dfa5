package main

import (
	"cmp"
	"context"
	"fmt"
	"sync"
	"time"
)

// loadTx is one signed transaction of the sustained mode: who signed it and
// the tasks whose results (or claims) it carries.
type loadTx struct {
	bytes   []byte
	account int // the signer's index: its transactions go out in sequence order
	tasks   []uint64
}

// pacedPush is what a paced push offered and what the nodes answered.
type pacedPush struct {
	Start    time.Time
	Took     time.Duration // first to last offer
	Due      []time.Time   // when each transaction was offered
	Accepted int
	Rejected int
	Retries  int // broadcasts refused for a full mempool, then sent again
	Rejects  []string
}

// paceSenders is how many connections a paced push uses. Each signer's
// transactions all go through one of them, in order, so that the node sees
// its sequence numbers in order however many transactions it signed.
const paceSenders = 8

// pushPaced offers txs at txRate transactions per second (0: as fast as the
// nodes take them), in order: transaction i is offered at start + i/txRate,
// whether or not the nodes have answered the earlier ones (an open loop, as
// independent workers would send them). Each sender takes whatever is due
// on its queue, up to a JSON-RPC batch, and sends it.
func pushPaced(ctx context.Context, nodes []*rpcClient, txs []loadTx, txRate float64) (*pacedPush, error) {
	p := &pacedPush{Due: make([]time.Time, len(txs))}
	queues := make([]chan int, paceSenders)
	for g := range queues {
		queues[g] = make(chan int, len(txs))
	}
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for g := range queues {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.send(ctx, nodes[g%len(nodes)], txs, queues[g], &mu); err != nil {
				mu.Lock()
				firstErr = cmp.Or(firstErr, err)
				mu.Unlock()
			}
		}()
	}
	p.Start = time.Now()
	for i, tx := range txs {
		due := time.Now()
		if txRate > 0 {
			due = p.Start.Add(time.Duration(float64(i) / txRate * float64(time.Second)))
			if wait := time.Until(due); wait > 0 {
				sleep(ctx, wait)
			}
		}
		if ctx.Err() != nil {
			break
		}
		p.Due[i] = due
		queues[tx.account%paceSenders] <- i
	}
	p.Took = time.Since(p.Start)
	for _, q := range queues {
		close(q)
	}
	wg.Wait()
	return p, cmp.Or(firstErr, ctx.Err())
}

// send is one sender: it broadcasts the transactions of its queue in order,
// as many at once as are waiting (up to maxBatch).
func (p *pacedPush) send(ctx context.Context, node *rpcClient, txs []loadTx, queue <-chan int, mu *sync.Mutex) error {
	for i := range queue {
		batch := [][]byte{txs[i].bytes}
	more:
		for len(batch) < maxBatch {
			select {
			case j, ok := <-queue:
				if !ok {
					break more
				}
				batch = append(batch, txs[j].bytes)
			default:
				break more
			}
		}
		var st pushStats
		if err := pushBatch(ctx, node, batch, &st, mu); err != nil {
			return err
		}
		mu.Lock()
		p.Accepted += st.Accepted
		p.Rejected += st.Rejected
		p.Retries += st.Retries
		for _, r := range st.Rejects {
			if len(p.Rejects) < 5 {
				p.Rejects = append(p.Rejects, r)
			}
		}
		mu.Unlock()
	}
	return nil
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// offered is the rate a push offered, per second, of n items.
func (p *pacedPush) offered(n int) float64 {
	if p.Took <= 0 {
		return 0
	}
	return float64(n) / p.Took.Seconds()
}

func (p *pacedPush) String() string {
	return fmt.Sprintf("%d accepted, %d refused, %d mempool-full retries", p.Accepted, p.Rejected, p.Retries)
}
