package e2e_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// TestPrivateClientResume: a client whose `client infer --private` stopped before any worker
// claimed (here --wait-timeout) is told how to resume; `hyrad client resume` reads the input
// and blinding back from the task's self_ciphertext with the home's key, posts the input to
// the worker daemon's claim and opens the sealed result, and `client result` opens it again.
func TestPrivateClientResume(t *testing.T) {
	c := newPrivateChain(t, "client", "worker")
	input := distinctImage(8)
	want, err := c.art.Infer(input)
	require.NoError(t, err)
	out, err := c.exec("client", "infer", "--private", "--model", digitsPrivateModel, "--input", csv(input),
		"--wait-timeout", "4s", "--from", "client")
	require.Error(t, err, out)
	require.Contains(t, out, "private task 1 routed to pool 1")
	require.Contains(t, out, "to pick the private task up again: hyrad client resume 1 --from client")
	out, err = c.exec("client", "result", "1")
	require.Error(t, err, out)
	require.Contains(t, out, "hyrad client resume 1")

	d := c.startDaemon("worker", "start", "--from", "worker", "--keys-dir", c.keysDir, "--poll-interval", "1s")
	d.waitLog("bonded", 2*time.Minute)
	stdout, stderr, err := c.execSplit("client", "resume", "1", "--wait-timeout", "2m", "--output", "json", "--from", "client")
	require.NoError(t, err, "%s%s", stdout, stderr)
	var res inferOut
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res), stdout)
	require.Equal(t, "COMPLETED", res.Status)
	require.Equal(t, c.address("worker"), res.Worker)
	require.True(t, res.Verified, "the client checks the proof itself")
	require.Equal(t, want, res.Output, "the resumed client decrypts exactly the model's output")
	require.Contains(t, stderr, "input posted, sealed to "+c.address("worker")+"'s key")

	var again struct {
		Output   []int64 `json:"output"`
		Verified bool    `json:"verified"`
	}
	out = c.run("client", "result", "1", "--output", "json")
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(out)), &again), out)
	require.Equal(t, want, again.Output)
	require.True(t, again.Verified)
}
