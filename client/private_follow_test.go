package client_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestPrivateFollowerPostsToEachClaim: the client posts the input sealed to
// the claiming worker's key, once per claim; after the worker rejects it the
// task waits open, and the next claim gets its own post, which only the new
// worker opens; the result opens to the model's output and verifies locally.
func TestPrivateFollowerPostsToEachClaim(t *testing.T) {
	c := newPrivateChain(t)
	image := zktest.DigitsInputs(t)[0]
	id, secret := c.submit(image)
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}

	posted, kinds := c.step(f)
	require.False(t, posted, "nothing to post while the task is open")
	require.Empty(t, kinds)

	key1, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key1.PublicKey()})
	posted, kinds = c.step(f)
	require.True(t, posted)
	require.Equal(t, []string{client.NoteClaimed}, kinds)
	got, err := c.openAs(key1, id, c.worker)
	require.NoError(t, err)
	require.Equal(t, image, got)
	posted, kinds = c.step(f)
	require.False(t, posted, "one post per claim")
	require.Empty(t, kinds)

	c.deliver(&tptypes.MsgRejectInput{Worker: c.worker.String(), TaskId: id})
	require.Equal(t, tptypes.TASK_STATUS_OPEN, c.task(id).Status)
	posted, kinds = c.step(f)
	require.False(t, posted)
	require.Equal(t, []string{client.NoteRejected}, kinds)

	key2, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key2.PublicKey()})
	posted, kinds = c.step(f)
	require.True(t, posted, "the next claim gets the input again")
	require.Equal(t, []string{client.NoteClaimed}, kinds)
	_, err = c.openAs(key1, id, c.worker2)
	require.ErrorIs(t, err, private.ErrEnvelope, "the first worker's key does not open the new post")
	got, err = c.openAs(key2, id, c.worker2)
	require.NoError(t, err)
	require.Equal(t, image, got)

	task := c.task(id)
	_, r, err := key2.OpenInput(task.InputCiphertext, private.Info{
		ChainID: c.Ctx.ChainID(), TaskID: id, Worker: c.worker2.String(), Purpose: private.PurposeInputToWorker,
	})
	require.NoError(t, err)
	sealed, proof := c.provePrivate(c.Ctx.ChainID(), id, c.worker2, got, r)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.worker2.String(), TaskId: id, Output: sealed, Proof: proof})
	posted, kinds = c.step(f)
	require.False(t, posted)
	require.Empty(t, kinds, "a completed claim is not a reopened task")

	done := c.task(id)
	require.Equal(t, tptypes.TASK_STATUS_COMPLETED, done.Status)
	res, err := client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, secret)
	require.NoError(t, err)
	want, err := c.art.Infer(image)
	require.NoError(t, err)
	require.Equal(t, want, res.Output, "the client opens exactly the model's output")
	require.True(t, res.Verified, "%v", res.VerifyErr)
	require.Equal(t, client.Argmax(want), res.Argmax)
}

// TestPrivateFollowerAfterLapse: a claim whose input window lapses (the
// client's post never landed) reopens the task; the follower says so and
// posts to the next claim.
func TestPrivateFollowerAfterLapse(t *testing.T) {
	c := newPrivateChain(t)
	id, secret := c.submit(zktest.DigitsInputs(t)[1])
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	posted, kinds := c.stepDelivering(f, false)
	require.True(t, posted)
	require.Equal(t, []string{client.NoteClaimed}, kinds)
	c.RunFor(tptypes.DefaultPrivateInputWindow + 2*time.Second)
	require.Equal(t, tptypes.TASK_STATUS_OPEN, c.task(id).Status)
	posted, kinds = c.step(f)
	require.False(t, posted)
	require.Equal(t, []string{client.NoteReopened}, kinds)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	posted, kinds = c.step(f)
	require.True(t, posted)
	require.Equal(t, []string{client.NoteClaimed}, kinds)
	got, err := c.openAs(key, id, c.worker2)
	require.NoError(t, err)
	require.Equal(t, zktest.DigitsInputs(t)[1], got)
}

// TestPrivateFollowerSkipsAKeyThatTakesNoEnvelope: the chain refuses a
// claim whose key takes no envelope (a point of small order); a follower
// that meets one anyway (a claim made before that rule) posts nothing, says
// so once and does not stop; the next claim gets the input.
func TestPrivateFollowerSkipsAKeyThatTakesNoEnvelope(t *testing.T) {
	c := newPrivateChain(t)
	id, secret := c.submit(zktest.DigitsInputs(t)[4])
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	_, err := c.Deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: make([]byte, 32)})
	require.ErrorContains(t, err, "small order", "the chain refuses the key")

	good, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: good.PublicKey()})
	old := c.task(id)
	old.WorkerKey = make([]byte, 32)
	for i, want := range [][]string{{client.NoteClaimed, client.NoteBadKey}, nil} {
		post, notes, err := f.Step(c.user.String(), old)
		require.NoError(t, err)
		require.Nil(t, post)
		var kinds []string
		for _, n := range notes {
			kinds = append(kinds, n.Kind)
		}
		require.Equal(t, want, kinds, "step %d: said once per claim", i)
	}

	c.RunFor(tptypes.DefaultPrivateInputWindow + 2*time.Second)
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	posted, kinds := c.step(f)
	require.True(t, posted)
	require.Equal(t, []string{client.NoteReopened, client.NoteClaimed}, kinds)
}

// TestPrivateFollowerResumedAfterARejection: a follower started after a
// rejection (a resumed client) does not report it, and posts to the claim
// it finds.
func TestPrivateFollowerResumedAfterARejection(t *testing.T) {
	c := newPrivateChain(t)
	id, secret := c.submit(zktest.DigitsInputs(t)[5])
	first := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	c.step(first)
	c.deliver(&tptypes.MsgRejectInput{Worker: c.worker.String(), TaskId: id})
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})

	resumed := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	posted, kinds := c.step(resumed)
	require.True(t, posted)
	require.Equal(t, []string{client.NoteClaimed}, kinds)
}
