package faults_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// stallWindow is how long a halted chain is watched. That nothing happens
// can only be observed over a window: 20 s is twenty block times and several
// CometBFT rounds (3 s propose timeout, growing each round).
const stallWindow = 20 * time.Second

// TestLoseQuorum stops two of four equal validators under load: the two
// left hold half the voting power, not the 2/3 CometBFT needs, so no block
// is committed, and they agree on every block they have (no fork). Started
// again, the four resume and the market settles with its ledger intact.
func TestLoseQuorum(t *testing.T) {
	longScenario(t)
	m := newMarket(t, 12*time.Minute)
	all, up, down := []int{0, 1, 2, 3}, []int{0, 1}, []int{2, 3}
	w1 := m.startWorker("worker1", 0, "--models", servedModel)
	w2 := m.startWorker("worker2", 1, "--models", servedModel)
	w1.waitLog(m, 0, reReady, 2*time.Minute)
	w2.waitLog(m, 0, reReady, 2*time.Minute)
	before := m.snapshot(m.height(0))
	m.idleTasks("client1")
	l1 := m.startLoad("client1", 0, 3*time.Minute)
	l2 := m.startLoad("client2", 1, 3*time.Minute)
	m.waitCompleted(0, 4, 2*time.Minute)

	// The fault: nodes 2 and 3 shut down (SIGTERM).
	for _, i := range down {
		require.NoError(t, m.node(i).Stop(30*time.Second))
	}
	stoppedAt, hStop := time.Now(), m.maxHeight(up)
	_, failedBefore := l1.routed()
	hMax, lastChange := m.observe(up, stallWindow)
	require.LessOrEqual(t, hMax, hStop+1, "blocks were committed without a quorum")
	require.Less(t, lastChange, 5*time.Second, "the height changed %s after the stop", lastChange)
	compared := m.checkNoFork(up, hMax)
	pending, err := m.node(0).UnconfirmedTxs(m.ctx)
	require.NoError(t, err)
	_, failedDuring := l1.routed()
	t.Logf("FIGURE stall: node2 and node3 stopped at height %d; in %s the others committed %d block(s) (at most the one in flight may land; last change %s after the stop), agree on all %d heights, and hold %d transactions in node0's mempool; client1 saw %d failed calls",
		hStop, stallWindow, hMax-hStop, lastChange.Round(time.Millisecond), compared, pending, failedDuring-failedBefore)

	restartedAt := time.Now()
	for _, i := range down {
		require.NoError(t, m.node(i).Start())
	}
	_, to, _ := m.waitBlocks(all, 1, 2*time.Minute)
	resumed := time.Since(restartedAt)
	m.waitBlocks(all, 3, time.Minute)
	for _, i := range down {
		m.checkAppHash(i, up)
	}
	t.Logf("FIGURE resume: chain halted %s; after the restart all 4 nodes were at height %d in %s",
		restartedAt.Sub(stoppedAt).Round(time.Millisecond), to, resumed.Round(time.Millisecond))

	// The market resumes with the chain, and no worker pays for the outage.
	// A claim committed in the halted height carries that block's time,
	// which predates the halt, and the next block's time jumps by the whole
	// halt: on block time alone such a claim lapsed as blocks resumed and
	// its worker was slashed. Claims pause while no block is made (x/taskpool
	// outage clock), and the daemons judge their claims by the chain's time.
	if n, ok := m.completedWithin(4, 2*time.Minute); ok {
		t.Logf("FIGURE resume: the workers completed 4 more tasks %s after the restart", time.Since(restartedAt).Round(time.Millisecond))
	} else {
		t.Errorf("the workers completed %d tasks in the 2 minutes after the chain resumed, want 4: %s", n, describeRefusals(w1, w2))
	}

	m.settle(before, all, l1, l2)
	lapsed, slashed := m.lapsedClaims()
	paused := 0
	for _, tk := range m.tasksAt(0, m.height(0)) {
		if tk.Status == statusCompleted && !tk.CompletedAt.Before(tk.ClaimExpiry) {
			paused++ // in time only because the halt did not count
		}
	}
	t.Logf("FIGURE stall: the stall outlasted the 15 s claim timeout; %d claims ended without a result, %d workers slashed, %d results landed at or after their claim's block-time expiry (%s)",
		lapsed, slashed, paused, describeRejections(w1, w2))
	require.Zero(t, slashed, "a worker was slashed for the chain's outage")
}

// observe watches the nodes' heights for d and returns the highest seen and
// when it last changed, counted from the start.
func (m *market) observe(nodes []int, d time.Duration) (int64, time.Duration) {
	start := time.Now()
	hMax := m.maxHeight(nodes)
	var lastChange time.Duration
	for time.Since(start) < d {
		if h := m.maxHeight(nodes); h > hMax {
			hMax, lastChange = h, time.Since(start)
		}
		select {
		case <-m.ctx.Done():
			m.t.Fatal("test budget exhausted")
		case <-time.After(250 * time.Millisecond):
		}
	}
	return hMax, lastChange
}

// lapsedClaims counts the claims that ended without a result (claim-expiry
// events) and the slashes of workers on chain: a worker is slashed when its
// claim timeout ran out before the task's deadline.
func (m *market) lapsedClaims() (lapsed, slashed int) {
	m.t.Helper()
	for h := int64(1); h <= m.height(0); h++ {
		events, err := m.node(0).BlockEvents(m.ctx, h)
		require.NoError(m.t, err)
		for _, e := range events {
			switch e.Type {
			case "hyra.taskpool.v1.EventClaimExpired":
				lapsed++
			case "hyra.rewards.v1.EventWorkerSlashed":
				slashed++
			}
		}
	}
	return lapsed, slashed
}

// completedWithin reports whether n more tasks complete within d (and how
// many did), without failing the test: the caller decides what a miss means.
func (m *market) completedWithin(n int, d time.Duration) (int, bool) {
	m.t.Helper()
	start := countStatus(m.tasksAt(0, m.height(0)))["COMPLETED"]
	done := 0
	for deadline := time.Now().Add(d); time.Now().Before(deadline) && m.ctx.Err() == nil; time.Sleep(time.Second) {
		if done = countStatus(m.tasksAt(0, m.height(0)))["COMPLETED"] - start; done >= n {
			return done, true
		}
	}
	return done, false
}

// describeRefusals counts each worker's refused claims and quotes the last.
func describeRefusals(ds ...*daemon) string {
	var s []string
	for _, d := range ds {
		lines := reRefused.FindAllString(d.log.String(), -1)
		last := ""
		if len(lines) > 0 {
			last = ", last: " + lines[len(lines)-1]
		}
		s = append(s, fmt.Sprintf("%s had %d claims refused%s", d.name, len(lines), last))
	}
	return strings.Join(s, "; ")
}

// describeRejections counts the results each worker saw rejected.
func describeRejections(ds ...*daemon) string {
	var s []string
	for _, d := range ds {
		s = append(s, fmt.Sprintf("%s %d rejected results", d.name, len(reRejected.FindAllStringIndex(d.log.String(), -1))))
	}
	return strings.Join(s, ", ")
}
