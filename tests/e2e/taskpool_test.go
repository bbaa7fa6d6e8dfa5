package e2e_test

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTaskLifecycleFromTheCLI drives one task through the real binary the way
// a person would: the owner registers the iris model and opens a pool, a
// client submits a task, a worker registers, bonds, claims, proves with
// `hyrad zk prove` and submits the result; the verified result is read back
// over REST and the worker's record shows the payment.
func TestTaskLifecycleFromTheCLI(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.start()
	worker := n.address("worker")

	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json", "--vk", "../../zk/models/iris/verifying.key",
		"--description", "iris classifier", "--from", "owner")
	require.Zero(t, code, log)
	code, log = n.tx("taskpool", "create-pool", "1", "iris", "2m", "--from", "owner")
	require.Zero(t, code, log)
	input := "51,35,14,2"
	code, log = n.tx("taskpool", "submit-task", "1", input, "5000uhyra", "--ttl", "10m", "--from", "client")
	require.Zero(t, code, log)

	// Claiming before registering and bonding is refused with the reason.
	code, log = n.tx("taskpool", "claim", "1", "--from", "worker")
	require.NotZero(t, code)
	require.Contains(t, log, "not registered")
	code, log = n.tx("taskpool", "register-worker", "--from", "worker")
	require.Zero(t, code, log)
	code, log = n.tx("rewards", "bond", "10000000uhyra", "--from", "worker")
	require.Zero(t, code, log)
	code, log = n.tx("taskpool", "claim", "1", "--from", "worker")
	require.Zero(t, code, log)

	proofFile := filepath.Join(t.TempDir(), "proof.bin")
	out := n.run("zk", "prove", "--artifact", "../../zk/models/iris/artifact.json",
		"--pk", "../../zk/models/iris/proving.key", "--vk", "../../zk/models/iris/verifying.key",
		"--chain-id", "hyra-local-1", "--task-id", "1", "--worker", worker, "--input", input, "--out", proofFile)
	output := outputLine(t, out)

	// A tampered output with the same proof is refused; the claim stays.
	code, log = n.tx("taskpool", "submit-result", "1", tamper(output), proofFile, "--from", "worker")
	require.NotZero(t, code)
	require.Contains(t, log, "invalid proof")
	// Without simulation (a fixed --gas), the node's CheckTx hands the proof to
	// its background verifiers and accepts the transaction at once; the
	// transaction is not dropped when they find the proof invalid, but lands in
	// a block that refuses it, so the command still reports the verifier's error.
	stdout, stderr, err := n.execSplit("tx", "taskpool", "submit-result", "1", tamper(output), proofFile,
		"--from", "worker", "--yes", "--output", "json", "--gas", "1000000")
	require.Error(t, err, "%s%s", stdout, stderr)
	res := parseTxOutput(t, stdout)
	require.Equal(t, uint32(25), res.Code, res.RawLog) // x/taskpool ErrInvalidProof
	require.Contains(t, res.RawLog, "invalid proof")
	require.Positive(t, res.Height, "refused in a block")
	code, log = n.tx("taskpool", "submit-result", "1", output, proofFile, "--from", "worker")
	require.Zero(t, code, log)

	var result struct {
		Worker       string   `json:"worker"`
		OutputVector []string `json:"output_vector"`
	}
	require.Equal(t, http.StatusOK, n.getJSON("/hyra/taskpool/v1/tasks/1/result", &result))
	require.Equal(t, worker, result.Worker)
	require.Equal(t, output, strings.Join(result.OutputVector, ","))

	var task struct {
		Task struct {
			Status string `json:"status"`
		} `json:"task"`
	}
	n.queryJSON(&task, "taskpool", "task", "1")
	require.Equal(t, "TASK_STATUS_COMPLETED", task.Task.Status)
	var rec struct {
		Worker struct {
			Worker struct {
				TotalTasks string `json:"total_tasks"`
			} `json:"worker"`
			Reputation string `json:"reputation"`
		} `json:"worker"`
	}
	n.queryJSON(&rec, "taskpool", "worker", worker)
	require.Equal(t, "1", rec.Worker.Worker.TotalTasks)
	require.Equal(t, "101", rec.Worker.Reputation, "one verified result raises the initial 100 by 1")
}

// outputLine returns the vector on the "output:" line that `hyrad zk prove` prints.
func outputLine(t *testing.T, out string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "output: "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("no output line in:\n%s", out)
	return ""
}

// tamper changes the last element of a comma-separated vector.
func tamper(v string) string {
	parts := strings.Split(v, ",")
	last := parts[len(parts)-1]
	if last == "0" {
		parts[len(parts)-1] = "1"
	} else {
		parts[len(parts)-1] = "0"
	}
	return strings.Join(parts, ",")
}
