package worker

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// csvOf is a vector as the CLI prints it ("1,2,3").
func csvOf(v []int64) string { return strings.Trim(strings.ReplaceAll(fmt.Sprint(v), " ", ","), "[]") }

// TestPrivateInputProvenAndSubmittedSealed: the worker claims a private task
// with its key, waits for the input, opens and checks it, and its sealed
// result is verified and paid by the real app; the client decrypts exactly
// the model's output, and the worker's log holds neither input, r nor output.
func TestPrivateInputProvenAndSubmittedSealed(t *testing.T) {
	c := newPrivateChain(t)
	ctx := context.Background()
	path := EncryptionKeyPath(c.w.cfg.KeysDir, c.account.String())
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	again, err := private.LoadOrCreateKey(path)
	require.NoError(t, err)
	require.Equal(t, c.w.claimKey(), again.PublicKey(), "the key survives a restart")

	task := c.submitPrivate(c.image)
	c.NextBlock(time.Second)
	c.claim(task.id)
	require.Equal(t, c.w.claimKey(), c.task(task.id).WorkerKey)
	ready, waiting, err := c.w.heldTasks(ctx, []uint64{task.id})
	require.NoError(t, err)
	require.Empty(t, ready, "nothing to prove before the input comes")
	require.Len(t, waiting, 1)

	c.post(task.id, task.id, task.input, task.r)
	ready, waiting, err = c.w.heldTasks(ctx, []uint64{task.id})
	require.NoError(t, err)
	require.Empty(t, waiting)
	require.Len(t, ready, 1)
	p, err := c.w.provers.get(ctx, 1, 1)
	require.NoError(t, err)
	proven, err := c.w.provePrivate(ctx, c.w.log, ready[0], p, 0)
	require.NoError(t, err)
	require.NotNil(t, proven)
	res := c.deliver(proven.msg)
	data, err := gogoproto.Marshal(&sdk.TxMsgData{MsgResponses: res.MsgResponses})
	require.NoError(t, err)
	c.w.accepted(proven, &client.TxResult{Data: data}, 0)
	require.InDelta(t, 1, privateCount(t, c.w, privateServed), 0)

	done := c.task(task.id)
	require.Equal(t, tptypes.TASK_STATUS_COMPLETED, done.Status)
	require.Empty(t, done.Input)
	sealed, err := commit.DecodeSealed(done.Output, c.art.Output.Length)
	require.NoError(t, err)
	y, err := commit.OpenOutput(sealed, task.r, commit.MinValue, commit.MaxValue)
	require.NoError(t, err)
	want, err := c.art.Infer(c.image)
	require.NoError(t, err)
	require.Equal(t, want, y, "the client decrypts exactly the model's output")

	logs := c.logs.String()
	require.Contains(t, logs, "proved")
	for _, secret := range []string{task.r.String(), fmt.Sprint(c.image), fmt.Sprint(want), csvOf(c.image), csvOf(want)} {
		require.NotContains(t, logs, secret)
	}
}

// TestPrivateBadInputsRejected: an input that does not match the
// commitment, an envelope that does not open, and a ciphertext sealed for
// another task are all refused with a reason that quotes nothing of the
// input; the daemon's MsgRejectInput reopens the task at no cost.
func TestPrivateBadInputsRejected(t *testing.T) {
	c := newPrivateChain(t)
	other := zktest.DigitsInputs(t)[1]
	wrong, garbage, replayed, source := c.submitPrivate(c.image), c.submitPrivate(c.image), c.submitPrivate(c.image), c.submitPrivate(c.image)
	c.NextBlock(time.Second)
	for _, task := range []clientTask{wrong, garbage, replayed, source} {
		c.claim(task.id)
	}
	c.post(wrong.id, wrong.id, other, wrong.r) // well sealed, but not the committed input
	c.deliver(&tptypes.MsgPostInput{Creator: c.user.String(), TaskId: garbage.id, Ciphertext: make([]byte, 200)})
	c.post(replayed.id, source.id, c.image, replayed.r) // sealed for another task

	for _, tc := range []struct {
		task clientTask
		why  string
	}{
		{wrong, "does not match the task's input commitment"},
		{garbage, "does not open"},
		{replayed, "does not open"},
	} {
		_, _, err := openInput(c.w.encKey, c.w.chainID, c.account.String(), c.task(tc.task.id), c.art)
		require.ErrorIs(t, err, errRejectInput)
		require.ErrorContains(t, err, tc.why)
		require.NotContains(t, err.Error(), csvOf(other))
		require.NotContains(t, err.Error(), tc.task.r.String())
	}

	c.deliver(&tptypes.MsgRejectInput{Worker: c.account.String(), TaskId: wrong.id})
	reopened := c.task(wrong.id)
	require.Equal(t, tptypes.TASK_STATUS_OPEN, reopened.Status)
	require.Empty(t, reopened.InputCiphertext)
}

// TestPrivateClaimWithoutInputDoesNotBlock: a private task whose input never
// comes does not keep the worker from claiming and finishing a public task;
// once the input window passes, the chain lapses the claim without penalty
// and the worker forgets it and may claim again.
func TestPrivateClaimWithoutInputDoesNotBlock(t *testing.T) {
	c := newPrivateChain(t)
	ctx := context.Background()
	silent := c.submitPrivate(c.image)
	public := c.submitPublic(c.image)
	c.NextBlock(time.Second)
	c.claim(silent.id)
	worked, claim, err := c.w.finishHeld(ctx, []uint64{silent.id})
	require.NoError(t, err)
	require.False(t, worked)
	require.True(t, claim, "a private task waiting for its input lets the worker claim others")

	c.claim(public)
	ready, waiting, err := c.w.heldTasks(ctx, []uint64{silent.id, public})
	require.NoError(t, err)
	require.Len(t, waiting, 1)
	require.Len(t, ready, 1)
	require.Equal(t, public, ready[0].Id)
	p, err := c.w.provers.get(ctx, 1, 1)
	require.NoError(t, err)
	input, err := ready[0].DecodedInput()
	require.NoError(t, err)
	out, proof, err := p.Prove(c.w.chainID, public, c.account, input)
	require.NoError(t, err)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.account.String(), TaskId: public, Output: vector.Encode(out), Proof: proof})
	require.Equal(t, tptypes.TASK_STATUS_COMPLETED, c.task(public).Status)

	before, _, err := c.w.chain.worker(ctx, c.account.String())
	require.NoError(t, err)
	c.RunFor(tptypes.DefaultPrivateInputWindow + 2*time.Second)
	rec, _, err := c.w.chain.worker(ctx, c.account.String())
	require.NoError(t, err)
	require.Empty(t, rec.ActiveTaskIds, "the chain lapsed the claim")
	require.Equal(t, before.LapsedClaims, rec.LapsedClaims, "without penalty")
	worked, claim, err = c.w.finishHeld(ctx, rec.ActiveTaskIds)
	require.NoError(t, err)
	require.False(t, worked)
	require.True(t, claim)
	require.Empty(t, c.w.awaiting)
	require.InDelta(t, 1, privateCount(t, c.w, privateLapsed), 0)
	require.Contains(t, c.logs.String(), "its input never came")
	require.Equal(t, tptypes.TASK_STATUS_OPEN, c.task(silent.id).Status)
}

// TestPrivateOff: with --private=false the worker has no key, claims
// without one (the chain then never hands it a private task) and does not
// take private tasks from a pool.
func TestPrivateOff(t *testing.T) {
	c := newPrivateChain(t)
	c.w.cfg.Private, c.w.encKey = false, nil
	keysDir := t.TempDir()
	c.w.cfg.KeysDir = keysDir
	require.NoError(t, c.w.loadEncryptionKey())
	require.Nil(t, c.w.claimKey())
	_, err := os.Stat(EncryptionKeyPath(keysDir, c.account.String()))
	require.ErrorIs(t, err, os.ErrNotExist)
	task := c.submitPrivate(c.image)
	pending := c.task(task.id)
	require.False(t, c.w.canServe(context.Background(), &pending))
	_, err = c.Deliver(&tptypes.MsgClaimTask{Worker: c.account.String(), PoolId: c.pool, TaskId: task.id, EncryptionKey: c.w.claimKey()})
	require.ErrorIs(t, err, tptypes.ErrEncryptionKey)
}

// privateCount reads hyra_worker_private_tasks_total{result}.
func privateCount(t *testing.T, w *Worker, result string) float64 {
	t.Helper()
	var m dto.Metric
	require.NoError(t, w.metrics.private.WithLabelValues(result).Write(&m))
	return m.GetCounter().GetValue()
}
