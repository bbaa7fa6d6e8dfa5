package e2e_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/verifier"
)

// daemonRunsPrivateTask is a private task from submission to the client's decrypted,
// verified output with the worker daemon (`hyrad worker start`) as its worker: it claims with
// its own key, the client posts the input sealed to that key, the daemon opens it, proves and
// submits the sealed output, and the client opens it and checks the proof itself. The
// daemon's log never shows the input or the output either.
func daemonRunsPrivateTask(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	client := c.newClient("client-w")
	d := c.startDaemon("worker", "start", "--from", "worker-w", "--keys-dir", c.keysDir, "--poll-interval", "1s")
	d.waitLog("bonded", 2*time.Minute)
	workerAddr := c.address("worker-w")
	clientBefore, workerBefore := c.balanceOf(client.addr), c.balanceOf(workerAddr)

	input := distinctImage(7)
	id := client.submit(input)
	claimed := c.waitStatus(id, "TASK_STATUS_CLAIMED", time.Minute)
	require.Equal(t, workerAddr, claimed.Worker)
	require.Len(t, claimed.WorkerKey, 32, "the daemon claims with its X25519 key")
	client.post(id, client.sealFor(id, claimed.WorkerKey, claimed.Worker))
	done := c.waitStatus(id, "TASK_STATUS_COMPLETED", time.Minute)
	want, err := c.art.Infer(input)
	require.NoError(t, err)
	require.Equal(t, want, client.open(id), "the client decrypts exactly the model's output")

	// The client checks the proof against the model's verifying key: the sealed output is the
	// model's on the committed input, for this task and worker.
	vk, err := os.ReadFile(filepath.Join(c.modelKeys, "verifying.key"))
	require.NoError(t, err)
	var withProof struct {
		Task struct {
			Proof []byte `json:"proof"`
		} `json:"task"`
	}
	c.queryJSON(&withProof, "taskpool", "task", itoa(int(id)))
	require.NoError(t, verifier.Verify(vk, withProof.Task.Proof, verifier.Statement{
		ChainID: privateChainID, TaskID: id, Worker: addrBytes(t, workerAddr),
		InputCommitment: done.InputCommitment, Output: done.Output, Sealed: true,
	}))

	require.Equal(t, clientBefore-privatePrice, c.balanceOf(client.addr))
	require.Equal(t, workerBefore+workerShare(privatePrice), c.balanceOf(workerAddr))
	d.stop()
	secrets.private(t, "task "+itoa(int(id)), input, want)
	own := newScanner(inputSecret(t, "input", input), outputSecret(t, "output", want))
	own.scan("worker log", "stdout and stderr", []byte(d.out.String()))
	require.Empty(t, own.report(), "the daemon keeps the input and the output in memory only")
}
