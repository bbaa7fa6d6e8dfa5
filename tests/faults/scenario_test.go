package faults_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/stretchr/testify/require"
)

// idleTasks puts two tasks in the pool of the model no worker serves: one
// routed with a deadline the router's pool accepts, which the client cancels
// at once, and one submitted by name to that pool with a short deadline
// (twice min_task_ttl, so that the blocks between the client reading the
// latest block time and the task's inclusion cannot push it under the
// minimum), left to expire. RouteTask itself refuses that deadline: it is
// shorter than the pool's claim timeout, so nobody could claim the task.
// Every run thus also settles tasks through expiry and cancellation (and
// their refunds).
func (m *market) idleTasks(client string) {
	m.t.Helper()
	input := csv(m.inputs[0])
	id, err := m.infer(m.node(0).RPCAddr(), client, idleModel, input, 10*time.Minute)
	require.NoError(m.t, err)
	m.tx(client, "taskpool", "cancel-task", fmt.Sprint(id))
	m.tx(client, "taskpool", "submit-task", m.poolID("model-"+idleModel), input, "1000uhyra", "--ttl", "20s")
}

// waitCompleted waits until at least n tasks are COMPLETED.
func (m *market) waitCompleted(i, n int, timeout time.Duration) {
	m.t.Helper()
	m.eventually(timeout, fmt.Sprintf("%d completed tasks", n), func() bool {
		return countStatus(m.tasksAt(i, m.height(i)))["COMPLETED"] >= n
	})
}

// completedBetween counts tasks completed (by block time) in [from, to].
func completedBetween(tasks []task, from, to time.Time) int {
	n := 0
	for _, t := range tasks {
		if t.Status == statusCompleted && !t.CompletedAt.Before(from) && !t.CompletedAt.After(to) {
			n++
		}
	}
	return n
}

// settle stops the loads, waits until no task holds escrow, and runs every
// ledger check from the snapshot taken before the first task: no fork among
// the nodes, every task terminal, escrow, supply, client balances, and every
// routed task on chain. It logs the figures and returns the final tasks.
func (m *market) settle(before snapshot, nodes []int, loads ...*load) []task {
	m.t.Helper()
	for _, l := range loads {
		l.halt()
	}
	start := time.Now()
	tasks, end := m.waitSettled(0, 4*time.Minute)
	m.t.Logf("FIGURE settled: no task OPEN or CLAIMED at height %d, %s after the load stopped", end, time.Since(start).Round(time.Millisecond))
	heights := m.checkNoFork(nodes, end)
	escrow := m.checkEscrow(0, end)
	after := m.snapshot(end)
	minted := m.checkSupply(0, before, after)
	m.checkClients(before, end, tasks)
	unconfirmed := m.checkLoads(tasks, loads...)
	var summaries []string
	for _, l := range loads {
		summaries = append(summaries, l.summary())
	}
	m.t.Logf("FIGURE tasks: %d in all, by status %v; %s; %d landed although the client saw an error",
		len(tasks), countStatus(tasks), strings.Join(summaries, "; "), unconfirmed)
	m.t.Logf("FIGURE ledger: %d heights identical on %d nodes; escrow %duhyra = open+claimed escrows; "+
		"supply %d -> %d (+%d) = minted by x/mint over heights %d..%d, nothing burnt; client balances down by exactly their completed rewards",
		heights, len(nodes), escrow, before.supply, after.supply, minted, before.height+1, end)
	return tasks
}
