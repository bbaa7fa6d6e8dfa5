package e2e_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// daemonRunsPrivateTask is a private task from submission to the client's decrypted,
// verified output, with the real client and worker: `hyrad client infer --private` submits
// it, the worker daemon (`hyrad worker start`) claims it with its key, the client posts the
// input sealed to that key, the daemon opens it, proves and submits the sealed output, and
// the client opens it and checks the proof. The daemon's log never shows the input or the
// output either.
func daemonRunsPrivateTask(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	d := c.startDaemon("worker", "start", "--from", "worker-w", "--keys-dir", c.keysDir, "--poll-interval", "1s")
	d.waitLog("bonded", 2*time.Minute)
	clientAddr, workerAddr := c.address("client-w"), c.address("worker-w")
	clientBefore, workerBefore := c.balanceOf(clientAddr), c.balanceOf(workerAddr)

	input := distinctImage(7)
	stdout, stderr, err := c.execSplit("client", "infer", "--private", "--model", digitsPrivateModel, "--input", csv(input),
		"--wait-timeout", "2m", "--output", "json", "--from", "client-w")
	require.NoError(t, err, "%s%s", stdout, stderr)
	var res inferOut
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res), stdout)
	want, err := c.art.Infer(input)
	require.NoError(t, err)
	require.Equal(t, "COMPLETED", res.Status)
	require.Equal(t, workerAddr, res.Worker)
	require.True(t, res.Verified, "the client checks the proof itself")
	require.Equal(t, want, res.Output, "the client decrypts exactly the model's output")
	require.Contains(t, stderr, "input posted, sealed to "+workerAddr+"'s key")

	task := c.task(res.TaskID)
	require.True(t, task.Private)
	require.Empty(t, task.Input)
	require.Equal(t, clientBefore-privatePrice, c.balanceOf(clientAddr))
	require.Equal(t, workerBefore+workerShare(privatePrice), c.balanceOf(workerAddr))
	d.stop()
	secrets.private(t, "task "+itoa(int(res.TaskID)), input, want)
	own := newScanner(inputSecret(t, "input", input), outputSecret(t, "output", want))
	own.scan("worker log", "stdout and stderr", []byte(d.out.String()))
	require.Empty(t, own.report(), "the daemon keeps the input and the output in memory only")
}
