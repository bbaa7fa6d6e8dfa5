package faults_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestKillOneValidator SIGKILLs one of four equal validators while two
// clients route tasks and two workers prove them. The other three hold 75%
// of the voting power, above the 2/3 CometBFT needs, so blocks keep coming;
// the killed node, started again, catches up from its peers, signs blocks
// again and reports the same app hash as the others at the same height; and
// when the load stops every task settles with the ledger intact.
func TestKillOneValidator(t *testing.T) {
	m := newMarket(t, 8*time.Minute)
	all, survivors := []int{0, 1, 2, 3}, []int{0, 1, 2}
	w1 := m.startWorker("worker1", 0, "--models", servedModel)
	w2 := m.startWorker("worker2", 1, "--models", servedModel)
	w1.waitLog(m, 0, reReady, 2*time.Minute)
	w2.waitLog(m, 0, reReady, 2*time.Minute)
	before := m.snapshot(m.height(0))
	m.idleTasks("client1")
	l1 := m.startLoad("client1", 1, 2*time.Minute)
	l2 := m.startLoad("client2", 2, 2*time.Minute)
	m.waitCompleted(0, 4, 2*time.Minute)
	from, to, took := m.waitBlocks(all, 5, time.Minute)
	t.Logf("FIGURE before: all 4 validators up, %d -> %d in %s (%.2f blocks/s) under load", from, to, took.Round(time.Millisecond), float64(to-from)/took.Seconds())

	// The fault: node 3 dies without a chance to flush anything.
	killedAt, hKill := time.Now(), m.maxHeight(all)
	require.NoError(t, m.node(3).Kill())
	from, to, took = m.waitBlocks(survivors, 10, 2*time.Minute)
	escrow := m.checkEscrow(0, to)
	t.Logf("FIGURE kill: node3 SIGKILLed at height %d; the 3 others went from %d to %d in %s (%.2f blocks/s); escrow at %d: %duhyra held for open and claimed tasks",
		hKill, from, to, took.Round(time.Millisecond), float64(to-from)/took.Seconds(), to, escrow)

	target := m.maxHeight(survivors)
	restartedAt := time.Now()
	require.NoError(t, m.node(3).Start())
	m.waitCaughtUp(3, target, 2*time.Minute)
	catchUp := time.Since(restartedAt)
	signed := m.waitSigning(3, 0, time.Minute)
	h := m.checkAppHash(3, survivors)
	ok1, _ := l1.routed()
	ok2, _ := l2.routed()
	t.Logf("FIGURE restart: node3 down %s while %d blocks were committed; caught up to height %d in %s, signing again at height %d; app hash after height %d identical on all 4 nodes; %d tasks routed so far",
		restartedAt.Sub(killedAt).Round(time.Millisecond), target-hKill, target, catchUp.Round(time.Millisecond), signed, h, ok1+ok2)

	tasks := m.settle(before, all, l1, l2)
	t.Logf("FIGURE kill: %d tasks completed while node3 was down", completedBetween(tasks, killedAt, restartedAt))
}
