package e2e_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// TestWorkerBatch runs the worker daemon with --batch 4 on a chain that lets
// a worker hold 4 claims: it claims four tasks in one transaction, proves
// them in parallel, submits their four results in one transaction, then
// claims the two tasks left (its ClaimBest with count 4 gets the two there
// are), and every task is verified and paid.
func TestWorkerBatch(t *testing.T) {
	n, ids := newIrisTaskChain(t, 4, 6)

	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", hyradtest.IrisKeysDir(t), "--poll-interval", "1s",
		"--batch", "4", "--provers", "2")
	n.requireAllPaid(ids)

	log := w.out.String()
	require.Regexp(t, regexp.MustCompile(`msg="claimed batch" tasks="\[1 2 3 4\]"`), log, "the first four tasks claimed in one transaction")
	require.Regexp(t, regexp.MustCompile(`msg="completed batch" results=4 tasks="\[1 2 3 4\]" paid=3400uhyra`), log, "their results submitted in one")
	require.Regexp(t, regexp.MustCompile(`msg="completed batch" results=2 tasks="\[5 6\]" paid=1700uhyra`), log, "then the two tasks left")
}

// waitTaskStatus waits until task id has status.
func (n *node) waitTaskStatus(id uint64, status string, timeout time.Duration) {
	n.t.Helper()
	var task struct {
		Task struct {
			Status string `json:"status"`
		} `json:"task"`
	}
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		n.queryJSON(&task, "taskpool", "task", itoa(int(id))) //nolint:gosec // G115: test task ids
		if task.Task.Status == status {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	n.t.Fatalf("task %d is %s, not %s, after %s", id, task.Task.Status, status, timeout)
}
