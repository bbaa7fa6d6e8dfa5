package e2e_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/zk/models"
)

// TestWorkerEndToEnd drives the whole inference market on the real binary:
// both bundled models registered (digits after a `hyrad zk setup`), the
// worker daemon started as a subprocess, tasks for both routed by a client,
// and every one proven, verified on chain and paid. Bad requests
// fail before anything is escrowed.
func TestWorkerEndToEnd(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.start()
	n.registerIris()
	keys := hyradtest.IrisKeysDir(t)
	n.setupDigits(keys) // model 2
	client, worker := n.address("client"), n.address("worker")

	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", keys, "--poll-interval", "1s")
	w.waitLog("bonded", time.Minute)

	iris, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	digits, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(t, err)
	type job struct {
		model  string
		sample models.Sample
	}
	jobs := []job{{"1", iris.Samples[0]}, {"2", digits.Samples[0]}, {"1", iris.Samples[1]}, {"2", digits.Samples[1]}}
	const tasks = 4
	for i, j := range jobs {
		res, err := n.infer("--model", j.model, "--input", csv(j.sample.Input), "--wait", "--wait-timeout", "90s")
		require.NoError(t, err, "task %d", i)
		require.Equal(t, "COMPLETED", res.Status)
		require.True(t, res.Verified, "the proof verifies locally too")
		require.Equal(t, worker, res.Worker)
		require.Equal(t, j.sample.Output, res.Output, "the output is the model's on this input")
		require.Equal(t, j.sample.Predicted, res.Argmax)
		require.Positive(t, res.LatencyMS)
	}
	// Each task also reads back as COMPLETED with its proof over REST.
	var task struct {
		Task struct {
			Status string `json:"status"`
			Proof  string `json:"proof"`
		} `json:"task"`
	}
	for id := 1; id <= tasks; id++ {
		require.Equal(t, 200, n.getJSON("/hyra/taskpool/v1/tasks/"+itoa(id), &task))
		require.Equal(t, "TASK_STATUS_COMPLETED", task.Task.Status)
		require.NotEmpty(t, task.Task.Proof)
	}
	// The worker's share is 85% of each 1000uhyra reward.
	count, earned := n.workerRecord(worker)
	require.Equal(t, itoa(tasks), count)
	require.Equal(t, itoa(tasks*850), earned)
	w.waitLog("paid=850uhyra", 5*time.Second)

	// Bad requests are refused before any escrow: the balance is unchanged.
	before := n.balance(client)
	_, err = n.infer("--model", "9", "--input", "1,2,3,4")
	require.ErrorContains(t, err, "model 9 is not registered")
	_, err = n.infer("--model", "1", "--input", "1,2,3,4", "--reward", "10uhyra")
	require.ErrorContains(t, err, "reward 10uhyra is below the price of model 1 (iris): 1000uhyra")
	_, err = n.infer("--model", "1", "--input", "1,2,3")
	require.ErrorContains(t, err, "input has 3 elements, the model takes 4")
	bad := filepath.Join(t.TempDir(), "input.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"input": [1, 2, 3, 4]}`), 0o600))
	_, err = n.infer("--model", "1", "--input-file", bad)
	require.ErrorContains(t, err, "input.json")
	require.ErrorContains(t, err, "is not an integer")
	require.Equal(t, before, n.balance(client), "refused requests cost nothing")

	// Deactivated models take no new tasks.
	code, log := n.tx("modelregistry", "set-active", "1", "false", "--from", "owner")
	require.Zero(t, code, log)
	_, err = n.infer("--model", "1", "--input", "1,2,3,4")
	require.ErrorContains(t, err, "model 1 (iris) is not active")
}

// TestWorkerWithoutFundsForBond checks the daemon stops with a clear reason
// when its account cannot pay min_worker_bond.
func TestWorkerWithoutFundsForBond(t *testing.T) {
	n := newSingleNodeChain(t)
	n.run("keys", "add", "poor", "--keyring-backend", "test")
	n.start()
	code, log := n.tx("bank", "send", "validator", n.address("poor"), "1000uhyra")
	require.Zero(t, code, log)

	out, err := n.exec("worker", "start", "--from", "poor", "--keys-dir", t.TempDir())
	require.Error(t, err)
	require.Contains(t, out, "cannot afford its bond: it has 1000uhyra, bonding 10000000uhyra is needed")
}

// TestWorkerSurvivesNodeRestart stops the node while the worker is busy and
// starts it again: the worker reconnects and finishes every task.
func TestWorkerSurvivesNodeRestart(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.start()
	n.registerIris()
	w := n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", hyradtest.IrisKeysDir(t), "--poll-interval", "1s")
	w.waitLog("bonded", time.Minute)

	samples, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	// Route two tasks without waiting, then take the node away at once: the
	// worker is claiming or proving when it goes.
	var ids []uint64
	for _, s := range samples.Samples[:2] {
		res, err := n.infer("--model", "1", "--input", csv(s.Input))
		require.NoError(t, err)
		ids = append(ids, res.TaskID)
	}
	n.stop()
	w.waitLog("event subscription lost", 30*time.Second)
	n.start()
	// Until the restarted node commits a block, it checks transactions
	// against a zero block time: wait for one.
	h, err := n.height()
	require.NoError(t, err)
	n.waitHeight(h+1, time.Minute)
	w.waitLog("event subscription restored", time.Minute)

	res, err := n.infer("--model", "1", "--input", csv(samples.Samples[2].Input), "--wait", "--wait-timeout", "90s")
	require.NoError(t, err)
	require.Equal(t, "COMPLETED", res.Status)
	ids = append(ids, res.TaskID)

	for _, id := range ids {
		var task struct {
			Task struct {
				Status string `json:"status"`
			} `json:"task"`
		}
		deadline := time.Now().Add(time.Minute)
		for time.Now().Before(deadline) {
			n.queryJSON(&task, "taskpool", "task", itoa(int(id)))
			if task.Task.Status == "TASK_STATUS_COMPLETED" {
				break
			}
			time.Sleep(500 * time.Millisecond)
		}
		require.Equal(t, "TASK_STATUS_COMPLETED", task.Task.Status, "task %d", id)
	}
	count, _ := n.workerRecord(n.address("worker"))
	require.Equal(t, "3", count)
	t.Logf("worker log:\n%s", w.out.String())
}
