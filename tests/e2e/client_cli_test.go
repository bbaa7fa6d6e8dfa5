package e2e_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// clientTasks runs `hyrad client tasks ARGS --output json`.
type clientTasks struct {
	Creator string `json:"creator"`
	Tasks   []struct {
		ID     uint64 `json:"id"`
		Status string `json:"status"`
	} `json:"tasks"`
	NextKey string `json:"next_key"`
}

func (c *appChain) clientTasks(t *testing.T, args ...string) clientTasks {
	t.Helper()
	var res clientTasks
	out := c.run(append(append([]string{"client", "tasks"}, args...), "--output", "json")...)
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &res), out)
	return res
}

// checkClientResult reads task 1's result from the CLI, verified locally.
func checkClientResult(t *testing.T, c *appChain) {
	t.Helper()
	var res struct {
		TaskID   uint64  `json:"task_id"`
		Status   string  `json:"status"`
		Worker   string  `json:"worker"`
		Output   []int64 `json:"output"`
		Verified bool    `json:"verified"`
	}
	out := c.run("client", "result", "1", "--output", "json")
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &res), out)
	require.Equal(t, uint64(1), res.TaskID)
	require.Equal(t, "COMPLETED", res.Status)
	require.Equal(t, c.worker, res.Worker)
	require.NotEmpty(t, res.Output)
	require.True(t, res.Verified, "the proof verifies locally too")

	text := c.run("client", "result", "1")
	require.Contains(t, text, "verified by the chain, and again locally")

	out, err := c.exec("client", "result", "99")
	require.Error(t, err)
	require.Contains(t, out, "task 99 not found")
}

// checkClientTasksAndCancel submits two more tasks, pages through the
// client's three, cancels one and reads it back as CANCELLED.
func checkClientTasksAndCancel(t *testing.T, c *appChain) {
	t.Helper()
	for range 2 {
		code, log := c.tx("taskpool", "submit-task", "1", irisInput, "5000uhyra", "--ttl", "10m", "--from", "client")
		require.Zero(t, code, log)
	}
	out, err := c.exec("client", "result", "2")
	require.Error(t, err)
	require.Contains(t, out, "task 2 is OPEN: it has no result")

	first := c.clientTasks(t, "--from", "client", "--limit", "2")
	require.Equal(t, c.client, first.Creator)
	require.Len(t, first.Tasks, 2)
	require.NotEmpty(t, first.NextKey, "a third task is on the next page")
	second := c.clientTasks(t, "--from", "client", "--limit", "2", "--page-key", first.NextKey)
	require.Len(t, second.Tasks, 1)
	statuses := map[uint64]string{}
	for _, task := range append(first.Tasks, second.Tasks...) {
		statuses[task.ID] = task.Status
	}
	require.Equal(t, map[uint64]string{1: "COMPLETED", 2: "OPEN", 3: "OPEN"}, statuses)
	require.Empty(t, c.clientTasks(t, c.owner).Tasks, "the owner submitted none")

	before := c.balance(c.client)
	var cancel struct {
		TaskID uint64 `json:"task_id"`
		Refund string `json:"refund"`
	}
	out = c.run("client", "cancel", "3", "--from", "client", "--output", "json")
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &cancel), out)
	require.Equal(t, uint64(3), cancel.TaskID)
	require.Equal(t, "5000uhyra", cancel.Refund)
	require.NotEqual(t, before, c.balance(c.client), "the refund (less the fee) reached the client")
	after := c.clientTasks(t, "--from", "client")
	require.Equal(t, "CANCELLED", after.Tasks[2].Status)

	out, err = c.exec("client", "cancel", "1", "--from", "client")
	require.Error(t, err, "a completed task cannot be cancelled")
	require.NotContains(t, out, "panic")
}

// checkNodeHint: with no node at the address, the error names the node that
// was tried and how to point at another.
func checkNodeHint(t *testing.T, c *appChain) {
	t.Helper()
	port := freePort(t)
	node := fmt.Sprintf("tcp://127.0.0.1:%d", port)
	for _, args := range [][]string{
		{"client", "tasks", "--from", "client", "--node", node},
		{"client", "result", "1", "--node", node},
		{"query", "taskpool", "task", "1", "--node", node},
	} {
		out, err := c.exec(args...)
		require.Error(t, err, strings.Join(args, " "))
		require.Contains(t, out, "No node answers at "+node, strings.Join(args, " "))
		require.Contains(t, out, "--node tcp://HOST:26657")
	}
}

// checkVersion: the binary says what it is.
func checkVersion(t *testing.T, c *appChain) {
	t.Helper()
	long := c.run("version", "--long")
	for _, want := range []string{"name: hyra\n", "server_name: hyrad\n", "go: go version go1."} {
		require.Contains(t, long, want)
	}
	require.Regexp(t, `(?m)^version: v\d+\.\d+\.\d+`, long)
}
