package main

import (
	"math"
	"strings"
	"testing"
	"time"
)

// simChain is a chain for the closed loop's controller: transactions offered
// reach the mempool acceptDelay ticks later (a node answering CheckTx), and
// every blockTicks ticks a block takes up to capacity transactions from it.
type simChain struct {
	acceptDelay, blockTicks, capacity int
	arriving                          []int // transactions accepted in 0, 1, ... ticks
	mempool, committed                int
	blocks                            []int // transactions in each block
}

func (c *simChain) unanswered() int {
	n := 0
	for _, a := range c.arriving {
		n += a
	}
	return n
}

// tick advances one tick after k transactions were offered.
func (c *simChain) tick(t, k int) {
	if len(c.arriving) < c.acceptDelay+1 {
		c.arriving = make([]int, c.acceptDelay+1)
	}
	c.arriving[c.acceptDelay] += k
	c.mempool += c.arriving[0]
	copy(c.arriving, c.arriving[1:])
	c.arriving[len(c.arriving)-1] = 0
	if (t+1)%c.blockTicks == 0 {
		b := min(c.mempool, c.capacity)
		c.mempool -= b
		c.committed += b
		c.blocks = append(c.blocks, b)
	}
}

// TestClosedLoopSaturatesWithinWindow: the closed loop never has more than
// its window in flight (in the mempool or awaiting the node's answer), so
// the mempool's backlog, and the re-check work after each block, stay
// bounded whatever the chain's rate; with a window of at least a block,
// every block after the first is full; with less, blocks hold the window.
// Only with more than a block in the window does the mempool never run
// empty, which is what the loop's samples report: the chain, not the loop,
// set the rate.
func TestClosedLoopSaturatesWithinWindow(t *testing.T) {
	for _, tc := range []struct {
		name            string
		window, perTx   int
		capacity        int     // transactions a block takes at most
		wantBlock       int     // transactions in every block after the first
		emptyFrom, upTo float64 // bounds of the share of ticks that found the mempool empty
	}{
		{"window of two blocks", 2000, 10, 40, 40, 0, 0},
		{"window of one block", 400, 10, 40, 40, 0.01, 0.2}, // empty until the refill is accepted
		{"window smaller than a block", 200, 10, 40, 20, 0.01, 1},
		{"one result to a transaction", 1000, 1, 300, 300, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loop := closedLoop{window: tc.window, perTx: tc.perTx}
			c := &simChain{acceptDelay: 2, blockTicks: 25, capacity: tc.capacity}
			empty, samples := 0, 0
			for tick := range 25 * 40 {
				if tick > 25 {
					samples++
					if c.mempool == 0 {
						empty++
					}
				}
				k := loop.room(c.mempool, c.unanswered())
				if inFlight := (c.mempool + c.unanswered() + k) * tc.perTx; inFlight > tc.window {
					t.Fatalf("tick %d: %d results in flight, window %d", tick, inFlight, tc.window)
				}
				c.tick(tick, k)
			}
			for i, b := range c.blocks[1:] {
				if b != tc.wantBlock {
					t.Fatalf("block %d holds %d transactions, want %d (blocks %v)", i+2, b, tc.wantBlock, c.blocks)
				}
			}
			if share := float64(empty) / float64(samples); share < tc.emptyFrom || share > tc.upTo {
				t.Fatalf("mempool empty in %.2f of the ticks, want %.2f to %.2f", share, tc.emptyFrom, tc.upTo)
			}
		})
	}
	if got := (closedLoop{window: 100, perTx: 10}).room(12, 3); got != 0 {
		t.Fatalf("over the window (a node took more than offered, e.g. gossip): room %d, want 0", got)
	}
	if got := (closedLoop{window: 105, perTx: 10}).room(3, 2); got != 5 {
		t.Fatalf("room is whole transactions: got %d, want 5", got)
	}
}

// TestSpreadOfRepetitions: the spread is (max - min) / median; the median
// repetition is the middle one by committed rate (the lower middle of an
// even count).
func TestSpreadOfRepetitions(t *testing.T) {
	s := spreadOf([]float64{700, 680, 714})
	if s.Min != 680 || s.Median != 700 || s.Max != 714 || math.Abs(s.Percent-34.0/700*100) > 1e-9 {
		t.Fatalf("spread %+v", s)
	}
	if s := spreadOf([]float64{700, 680}); s.Median != 680 {
		t.Fatalf("median of two: %.0f, want the lower, 680", s.Median)
	}
	if s := spreadOf(nil); s != (spread{}) {
		t.Fatalf("no repetitions: %+v", s)
	}
	reps := []repFigures{{Load: loadStep{Committed: 700}}, {Load: loadStep{Committed: 680}}, {Load: loadStep{Committed: 714}}}
	if m := medianRep(reps); m.Load.Committed != 700 {
		t.Fatalf("median repetition committed %.0f, want 700", m.Load.Committed)
	}
	if m := medianRep(reps[:2]); m.Load.Committed != 680 {
		t.Fatalf("median of two: %.0f, want the lower, 680", m.Load.Committed)
	}
}

// TestDisturbance: a run is disturbed when other programs used more than
// maxOtherCores during a repetition or the raw rate moved more than
// maxRawDrift; others' use is never negative.
func TestDisturbance(t *testing.T) {
	if d := disturbance([]float64{0.02, 0.1}, 1650, 1620); len(d) != 0 {
		t.Fatalf("quiet run reported disturbed: %v", d)
	}
	d := disturbance([]float64{0.02, 0.6, 0.1}, 1650, 1400)
	if len(d) != 2 || !strings.Contains(d[0], "repetition 2") || !strings.Contains(d[1], "15%") {
		t.Fatalf("disturbed run: %v", d)
	}
	if o := otherCores(-50*time.Millisecond, time.Second); o != 0 {
		t.Fatalf("others' use below zero: %v", o)
	}
	if o := otherCores(3*time.Second, 2*time.Second); o != 1.5 {
		t.Fatalf("others' use: %v, want 1.5 cores", o)
	}
}
