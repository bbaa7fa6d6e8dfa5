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

// pacedPush is what a push offered and what the nodes answered.
type pacedPush struct {
	Start    time.Time
	Took     time.Duration // first to last offer
	Due      []time.Time   // when each transaction offered was offered, in order
	Accepted int
	Rejected int
	Retries  int // broadcasts refused for a full mempool, then sent again
	Rejects  []string
	// Closed says the push was a closed loop, which sampled the fullest
	// mempool Samples times and found it empty EmptySamples times. Never
	// empty, every block left transactions behind: the chain, not the
	// window, set the rate.
	Closed                bool
	Window                int // results in flight at most
	Samples, EmptySamples int
}

// emptyShare is the share of the closed loop's samples that found every
// mempool empty.
func (p *pacedPush) emptyShare() float64 {
	if p.Samples == 0 {
		return 0
	}
	return float64(p.EmptySamples) / float64(p.Samples)
}

// pusher offers (some of) txs, in order, to the nodes.
type pusher func(ctx context.Context, nodes []*rpcClient, txs []loadTx) (*pacedPush, error)

// paceSenders is how many connections a push uses. Each signer's
// transactions all go through one of them, in order, so that the node sees
// its sequence numbers in order however many transactions it signed.
const paceSenders = 8

// paced offers txs at txRate transactions per second (0: as fast as the
// nodes take them), in order: transaction i is offered at start + i/txRate,
// whether or not the nodes have answered the earlier ones (an open loop, as
// independent workers would send them).
func paced(txRate float64) pusher {
	return func(ctx context.Context, nodes []*rpcClient, txs []loadTx) (*pacedPush, error) {
		s := startSenders(ctx, nodes, txs)
		for i := range txs {
			due := time.Now()
			if txRate > 0 {
				due = s.p.Start.Add(time.Duration(float64(i) / txRate * float64(time.Second)))
				if wait := time.Until(due); wait > 0 {
					sleep(ctx, wait)
				}
			}
			if ctx.Err() != nil {
				break
			}
			s.offer(i, due)
		}
		return s.wait(ctx)
	}
}

// senders are the connections of one push: each takes whatever is due on
// its queue, up to a JSON-RPC batch, and sends it.
type senders struct {
	p        *pacedPush
	txs      []loadTx
	queues   []chan int
	mu       sync.Mutex // guards p's counts and firstErr
	firstErr error
	wg       sync.WaitGroup
}

func startSenders(ctx context.Context, nodes []*rpcClient, txs []loadTx) *senders {
	s := &senders{p: &pacedPush{Due: make([]time.Time, 0, len(txs))}, txs: txs, queues: make([]chan int, paceSenders)}
	for g := range s.queues {
		s.queues[g] = make(chan int, len(txs))
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			if err := s.p.send(ctx, nodes[g%len(nodes)], txs, s.queues[g], &s.mu); err != nil {
				s.mu.Lock()
				s.firstErr = cmp.Or(s.firstErr, err)
				s.mu.Unlock()
			}
		}()
	}
	s.p.Start = time.Now()
	return s
}

// offer queues transaction i (the next in order) on its signer's sender.
func (s *senders) offer(i int, due time.Time) {
	s.p.Due = append(s.p.Due, due)
	s.queues[s.txs[i].account%paceSenders] <- i
}

// answered is how many offered transactions a node has accepted or refused
// for good.
func (s *senders) answered() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.p.Accepted + s.p.Rejected
}

// wait ends the offer and waits until every offered transaction is answered.
func (s *senders) wait(ctx context.Context) (*pacedPush, error) {
	s.p.Took = time.Since(s.p.Start)
	for _, q := range s.queues {
		close(q)
	}
	s.wg.Wait()
	return s.p, cmp.Or(s.firstErr, ctx.Err())
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
