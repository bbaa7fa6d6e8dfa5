package e2e_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/private"
)

// A fresh worker's standing, and what one lapse leaves of it (x/rewards defaults: 1% of the
// bond slashed, 10 reputation lost).
var (
	freshWorker  = standing{Bond: itoa(workerBond), Reputation: "100", Lapsed: "0"}
	lapsedWorker = standing{Bond: itoa(workerBond - workerBond/100), Reputation: "90", Lapsed: "1"}
)

// balanceOf is an account's uhyra balance as a number.
func (c *privateChain) balanceOf(addr string) int64 {
	c.t.Helper()
	b, err := strconv.ParseInt(c.balance(addr), 10, 64)
	require.NoError(c.t, err)
	return b
}

// workerShare is what a worker earns for a verified result of reward (85%).
func workerShare(reward int64) int64 { return reward * 85 / 100 }

// clientNeverPosts: the claim lapses after private_input_window with no penalty and the task
// is open again; claimed again and given its input, it runs to the client's decrypted,
// verified output.
func clientNeverPosts(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	client, worker := c.newClient("client-a"), c.newWorker("worker-a")
	clientBefore, workerBefore := c.balanceOf(client.addr), c.balanceOf(worker.addr)
	input := distinctImage(1)
	id := client.submit(input)
	worker.claim(id)
	task := c.waitStatus(id, "TASK_STATUS_OPEN", privateInputWindow+30*time.Second)
	require.Empty(t, task.Worker)
	require.Empty(t, task.WorkerKey, "the claim's key goes with it")
	require.Equal(t, freshWorker, c.standing(worker.addr), "the client's silence costs the worker nothing")
	require.Equal(t, clientBefore-privatePrice, c.balanceOf(client.addr), "the reward stays escrowed")

	// The client can re-send after a restart: its own copy opens with its key.
	got, r, err := client.key.OpenInput(task.SelfCiphertext, client.selfInfo())
	require.NoError(t, err)
	require.Equal(t, input, got)
	require.Equal(t, client.blinds[id], r)

	worker.claim(id)
	client.post(id, client.sealFor(id, worker.key.PublicKey(), worker.addr))
	seen := worker.prove(id)
	want, err := c.art.Infer(input)
	require.NoError(t, err)
	require.Equal(t, want, seen)
	require.Equal(t, want, client.open(id), "the client decrypts exactly the model's output")
	require.Equal(t, clientBefore-privatePrice, c.balanceOf(client.addr))
	require.Equal(t, workerBefore+workerShare(privatePrice), c.balanceOf(worker.addr))
	require.Equal(t, standing{Bond: itoa(workerBond), Reputation: "101", Lapsed: "0"}, c.standing(worker.addr))
	secrets.private(t, "task "+itoa(int(id)), input, want)
}

// wrongInput: a posted input that opens but is not the committed one, one that is tampered
// with, and one sealed to another key are each rejected by the worker at no cost to it; at
// max_input_rejections the task is refunded in full.
func wrongInput(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	client, worker := c.newClient("client-b"), c.newWorker("worker-b")
	var params struct {
		Params struct {
			MaxInputRejections int `json:"max_input_rejections"`
		} `json:"params"`
	}
	c.queryJSON(&params, "taskpool", "params")
	require.Equal(t, 3, params.Params.MaxInputRejections, "three wrong inputs below")
	clientBefore, workerBefore := c.balanceOf(client.addr), c.balanceOf(worker.addr)
	input := distinctImage(2)
	id := client.submit(input)
	other := distinctImage(3)
	secrets.private(t, "task "+itoa(int(id)), input, nil)
	secrets.private(t, "task "+itoa(int(id))+"'s wrong input", other, nil)

	opensButDiffers := func() []byte {
		ct, err := private.SealInput(worker.key.PublicKey(), toWorker(id, worker.addr), other, client.blinds[id])
		require.NoError(t, err)
		return ct
	}
	tampered := func() []byte {
		ct := client.sealFor(id, worker.key.PublicKey(), worker.addr)
		ct[len(ct)-1] ^= 1
		return ct
	}
	toAnotherKey := func() []byte { return client.sealFor(id, client.key.PublicKey(), worker.addr) }
	for i, tc := range []struct {
		name string
		ct   func() []byte
		want error
	}{
		{"opens, another input", opensButDiffers, errMismatch},
		{"tampered", tampered, private.ErrEnvelope},
		{"sealed to another key", toAnotherKey, private.ErrEnvelope},
	} {
		worker.claim(id)
		client.post(id, tc.ct())
		_, _, err := worker.openInput(id, worker.key)
		require.ErrorIs(t, err, tc.want, tc.name)
		worker.reject(id)
		task := c.task(id)
		require.Equal(t, uint32(i+1), task.InputRejections, tc.name)
		require.Empty(t, task.InputCiphertext, "%s: the rejected input is cleared", tc.name)
		require.Equal(t, freshWorker, c.standing(worker.addr), "%s: rejecting costs the worker nothing", tc.name)
		if i < 2 {
			require.Equal(t, "TASK_STATUS_OPEN", task.Status, tc.name)
		}
	}
	require.Equal(t, "TASK_STATUS_CANCELLED", c.task(id).Status, "refunded at max_input_rejections")
	require.Equal(t, clientBefore, c.balanceOf(client.addr), "the whole reward is back")
	require.Equal(t, workerBefore, c.balanceOf(worker.addr))
}

// silentWorkerAndReplays: a worker that had the input and never answers lapses as any worker
// does (bond slashed, reputation lost) and the task is open again. Then the ciphertexts posted
// before are replayed to the next claims, by the same worker with the same key on another
// task, and by another worker with the silent worker's key on this task: neither opens, the
// worker rejects them at no cost, and the task still completes with the right input.
func silentWorkerAndReplays(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	client, silent, next := c.newClient("client-c"), c.newWorker("worker-c"), c.newWorker("worker-d")
	clientBefore := c.balanceOf(client.addr)
	silentBefore, nextBefore := c.balanceOf(silent.addr), c.balanceOf(next.addr)
	inT, inU := distinctImage(4), distinctImage(5)
	idT, idU := client.submit(inT), client.submit(inU)

	silent.claim(idT)
	postedToSilent := client.sealFor(idT, silent.key.PublicKey(), silent.addr)
	client.post(idT, postedToSilent)
	_, _, err := silent.openInput(idT, silent.key)
	require.NoError(t, err, "the silent worker could have proven")
	task := c.waitStatus(idT, "TASK_STATUS_OPEN", privateClaimWindow+30*time.Second)
	require.Empty(t, task.InputCiphertext, "the posted input goes with the lapsed claim")
	require.Equal(t, lapsedWorker, c.standing(silent.addr), "a lapse after the input is the worker's")
	require.Equal(t, silentBefore, c.balanceOf(silent.addr), "the slash is taken from the bond")

	// Task U, completed by the next worker: its ciphertext is replayed below.
	next.claim(idU)
	postedForU := client.sealFor(idU, next.key.PublicKey(), next.addr)
	client.post(idU, postedForU)
	wantU, err := c.art.Infer(inU)
	require.NoError(t, err)
	require.Equal(t, wantU, next.prove(idU))
	require.Equal(t, wantU, client.open(idU))

	replays := []struct {
		name string
		key  *private.KeyPair
		ct   []byte
	}{
		{"another task's input, same worker and key", next.key, postedForU},
		{"another worker's input, under its key", silent.key, postedToSilent},
	}
	for i, r := range replays {
		next.claim(idT, r.key.PublicKey())
		client.post(idT, r.ct)
		_, _, err := next.openInput(idT, r.key)
		require.ErrorIs(t, err, private.ErrEnvelope, r.name)
		next.reject(idT)
		require.Equal(t, uint32(i+1), c.task(idT).InputRejections, r.name)
	}
	next.claim(idT)
	client.post(idT, client.sealFor(idT, next.key.PublicKey(), next.addr))
	wantT, err := c.art.Infer(inT)
	require.NoError(t, err)
	require.Equal(t, wantT, next.prove(idT))
	require.Equal(t, wantT, client.open(idT))

	require.Equal(t, clientBefore-2*privatePrice, c.balanceOf(client.addr), "two tasks paid, once each")
	require.Equal(t, nextBefore+2*workerShare(privatePrice), c.balanceOf(next.addr))
	require.Equal(t, standing{Bond: itoa(workerBond), Reputation: "102", Lapsed: "0"}, c.standing(next.addr),
		"rejecting replays costs nothing")
	secrets.private(t, "task "+itoa(int(idT)), inT, wantT)
	secrets.private(t, "task "+itoa(int(idU)), inU, wantU)
}
