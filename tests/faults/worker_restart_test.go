package faults_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestWorkerRestartMidTask SIGKILLs a worker daemon the moment it has
// claimed a task, under load. Started again at once, it finds the claim it
// holds on chain and completes that task. Then it freezes the daemon
// (SIGSTOP) the moment it has claimed: its claim lapses after the pool's
// 15 s claim timeout, the task goes back to OPEN, the worker is slashed, and
// another worker claims and completes it. The first daemon, resumed
// (SIGCONT) without a restart, finds its claim gone, tops its bond up to
// min_worker_bond again by itself and works on.
func TestWorkerRestartMidTask(t *testing.T) {
	longScenario(t)
	m := newMarket(t, 12*time.Minute)
	all := []int{0, 1, 2, 3}
	w1 := m.startWorker("worker1", 0, "--pools", fastPool)
	w1.waitLog(m, 0, reReady, 2*time.Minute)
	before := m.snapshot(m.height(0))
	l := m.startLoad("client1", 1, 3*time.Minute)

	// Resume: killed after a claim, started again at once.
	id := m.killAtClaim(w1)
	atKill := m.task(id)
	mark, restarted := w1.log.Len(), time.Now()
	w1.start()
	m.eventually(claimTimeout+2*time.Minute, "task "+id+" to complete", func() bool { return m.task(id).Status == statusCompleted })
	done := m.task(id)
	require.Equal(t, m.addr("worker1"), done.Worker)
	reclaimed := reClaimed.FindAllStringSubmatch(w1.log.String()[mark:], -1)
	resumedHeld := atKill.Status == statusClaimed && (len(reclaimed) == 0 || reclaimed[0][1] != id)
	t.Logf("FIGURE worker resume: worker1 SIGKILLed right after claiming task %s (status then: %s); restarted, it completed the task %s later, resuming its held claim without claiming again: %v",
		id, atKill.Status, time.Since(restarted).Round(time.Millisecond), resumedHeld)

	// Expiry: frozen after a claim; worker2 takes over.
	for range 3 {
		id = m.freezeAtClaim(w1)
		if atKill = m.task(id); atKill.Status == statusClaimed {
			break
		}
		w1.thaw() // the result got out before the freeze: try again
	}
	require.Equal(t, statusClaimed, atKill.Status, "a claim held by the frozen worker")
	killedAt := time.Now()
	bondBefore := m.bonded("worker1")
	m.startWorker("worker2", 1, "--pools", fastPool)
	m.eventually(claimTimeout+2*time.Minute, "task "+id+" to be completed by worker2", func() bool {
		tk := m.task(id)
		return tk.Status == statusCompleted
	})
	done = m.task(id)
	require.Equal(t, m.addr("worker2"), done.Worker, "the lapsed claim went to the other worker")
	bondAfter := m.bonded("worker1")
	require.Less(t, bondAfter, bondBefore, "worker1 is slashed for the lapsed claim")
	t.Logf("FIGURE worker expiry: worker1 SIGSTOPped holding task %s (claim expiry %s); worker2 completed it %s after the freeze; worker1's bond %d -> %duhyra",
		id, atKill.ClaimExpiry.Format(time.RFC3339), time.Since(killedAt).Round(time.Millisecond), bondBefore, bondAfter)

	// Recovery without a restart: the slash took the bond below
	// min_worker_bond, which the daemon tops up before it claims again.
	mark = w1.log.Len()
	thawedAt := time.Now()
	w1.thaw()
	w1.waitLog(m, mark, reCompleted, 3*time.Minute)
	require.Regexp(t, reBonded, w1.log.String()[mark:], "worker1 topped its bond up")
	require.GreaterOrEqual(t, m.bonded("worker1"), bondBefore)
	t.Logf("FIGURE worker recovery: worker1 resumed, topped its bond up and completed a task %s later", time.Since(thawedAt).Round(time.Millisecond))
	m.settle(before, all, l)
}

// freezeAtClaim freezes a worker the moment it logs a claim and returns the
// claimed task's id.
func (m *market) freezeAtClaim(d *daemon) string {
	m.t.Helper()
	select {
	case id := <-d.freezeOnClaim():
		return id
	case <-time.After(2 * time.Minute):
		m.t.Fatalf("%s claimed nothing in 2 minutes", d.name)
	case <-m.ctx.Done():
		m.t.Fatal("test budget exhausted")
	}
	return ""
}

// killAtClaim kills a worker the moment it logs a claim and returns the
// claimed task's id.
func (m *market) killAtClaim(d *daemon) string {
	m.t.Helper()
	ch := d.killOnClaim()
	select {
	case id := <-ch:
		<-d.done
		return id
	case <-time.After(2 * time.Minute):
		m.t.Fatalf("%s claimed nothing in 2 minutes", d.name)
	case <-m.ctx.Done():
		m.t.Fatal("test budget exhausted")
	}
	return ""
}

// bonded is a worker's bonded amount in x/rewards.
func (m *market) bonded(account string) int64 {
	m.t.Helper()
	var res struct {
		Bond struct {
			Bonded coin `json:"bonded"`
		} `json:"bond"`
	}
	m.query(0, &res, "rewards", "bond", m.addr(account))
	return amount(m, res.Bond.Bonded.Amount)
}
