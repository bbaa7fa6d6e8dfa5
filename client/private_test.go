package client_test

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// privateChain is the real app with the private-capable digits model, one
// pool, two bonded workers and a client with its envelope key.
type privateChain struct {
	*apptest.Env
	k            tpkeeper.Keeper
	art          *artifact.Artifact
	provePrivate zktest.PrivateProveFunc
	version      mrtypes.ModelVersion
	poolID       uint64

	user, worker, worker2 sdk.AccAddress
	clientKey             *private.KeyPair
}

func newPrivateChain(t *testing.T) *privateChain {
	t.Helper()
	c := &privateChain{
		user:    sdk.AccAddress("user________________"),
		worker:  sdk.AccAddress("worker______________"),
		worker2: sdk.AccAddress("worker_two__________"),
	}
	owner := sdk.AccAddress("model_owner_________")
	c.Env = apptest.Setup(t, &c.k)
	for _, a := range []sdk.AccAddress{owner, c.user, c.worker, c.worker2} {
		c.Fund(a, sdk.NewCoins(hyra(100)))
	}
	art, vk, _, provePrivate := zktest.DigitsPrivate(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	c.art, c.provePrivate = a, provePrivate
	hash := sha256.Sum256(art)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: owner.String(), Name: "digits-private", Description: "8x8 digits, private-capable", Price: hyra(1), PrivatePrice: hyra(3),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max}, //nolint:gosec // small
		OutputLength: uint32(a.Output.Length),                                                                           //nolint:gosec // small
	})
	c.version, err = c.Registry.GetModelVersion(c.Ctx, 1, 1)
	require.NoError(t, err)
	res := c.deliver(&tptypes.MsgCreateTaskPool{Creator: owner.String(), Name: "digits", ModelId: 1, ClaimTimeout: time.Minute})
	var pool tptypes.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &pool))
	c.poolID = pool.PoolId
	for _, w := range []sdk.AccAddress{c.worker, c.worker2} {
		c.deliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		c.deliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	c.clientKey, err = client.LoadClientKey(t.TempDir())
	require.NoError(t, err)
	c.NextBlock(time.Second)
	return c
}

func (c *privateChain) deliver(msg sdk.Msg) *sdk.Result {
	c.T.Helper()
	res, err := c.Deliver(msg)
	require.NoError(c.T, err)
	return res
}

func (c *privateChain) task(id uint64) tptypes.Task {
	c.T.Helper()
	task, err := c.k.GetTask(c.Ctx, id)
	require.NoError(c.T, err)
	return task
}

// submit submits a private task of input the way client infer --private
// does: a fresh secret, sealed to the client's own key.
func (c *privateChain) submit(input []int64) (uint64, client.Secret) {
	c.T.Helper()
	secret, err := client.NewSecret(input)
	require.NoError(c.T, err)
	commitment, self, err := secret.Seal(c.clientKey, c.Ctx.ChainID(), c.user.String(), c.version)
	require.NoError(c.T, err)
	res := c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.poolID, Reward: hyra(3), Deadline: c.Ctx.BlockTime().Add(time.Hour),
		Private: true, InputCommitment: commitment, SelfCiphertext: self,
	})
	var out tptypes.MsgSubmitTaskResponse
	require.NoError(c.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.TaskId, secret
}

// step runs the follower on the task as the chain holds it and delivers
// its post, if any; it returns the notes' kinds.
func (c *privateChain) step(f *client.PrivateFollower) (posted bool, kinds []string) {
	c.T.Helper()
	return c.stepDelivering(f, true)
}

// stepDelivering is step, with the post delivered only if deliver (the
// client may go away before its transaction lands).
func (c *privateChain) stepDelivering(f *client.PrivateFollower, deliver bool) (posted bool, kinds []string) {
	c.T.Helper()
	post, notes, err := f.Step(c.user.String(), c.task(f.TaskID))
	require.NoError(c.T, err)
	for _, n := range notes {
		kinds = append(kinds, n.Kind)
	}
	if post != nil && deliver {
		c.deliver(post)
	}
	return post != nil, kinds
}

func (c *privateChain) openAs(key *private.KeyPair, id uint64, worker sdk.AccAddress) ([]int64, error) {
	task := c.task(id)
	input, _, err := key.OpenInput(task.InputCiphertext, private.Info{
		ChainID: c.Ctx.ChainID(), TaskID: id, Worker: worker.String(), Purpose: private.PurposeInputToWorker,
	})
	return input, err
}

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

// TestOpenPrivateResultRefusesWrongSecretAndTampering: only the task's own
// secret opens its output, and an output that is not the proven one does not
// verify.
func TestOpenPrivateResultRefusesWrongSecretAndTampering(t *testing.T) {
	c := newPrivateChain(t)
	image := zktest.DigitsInputs(t)[2]
	id, secret := c.submit(image)
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	c.step(f)
	sealed, proof := c.provePrivate(c.Ctx.ChainID(), id, c.worker, image, secret.R)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: sealed, Proof: proof})
	done := c.task(id)

	other, err := client.NewSecret(image)
	require.NoError(t, err)
	_, err = client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, other)
	require.Error(t, err, "another blinding does not open the output")

	res, err := client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, secret)
	require.NoError(t, err)
	require.True(t, res.Verified)

	// The same sealed output under another input (the node lies about which
	// input was committed): it opens, but the proof does not verify.
	lied := client.Secret{Input: zktest.DigitsInputs(t)[3], R: secret.R}
	res, err = client.OpenPrivateResult(c.Ctx.ChainID(), &done, c.version, lied)
	require.NoError(t, err)
	require.False(t, res.Verified)

	tampered := done
	tampered.Proof = append([]byte(nil), done.Proof...)
	tampered.Proof[10] ^= 1
	res, err = client.OpenPrivateResult(c.Ctx.ChainID(), &tampered, c.version, secret)
	if err == nil {
		require.False(t, res.Verified, "a tampered proof does not verify")
	}
}

// TestOpenSelfReadsTheSecretBack: a restarted client reads its secret back
// from the task's self_ciphertext with its key, and nobody else's key opens
// it; a self_ciphertext that does not match the commitment is refused.
func TestOpenSelfReadsTheSecretBack(t *testing.T) {
	c := newPrivateChain(t)
	image := zktest.DigitsInputs(t)[0]
	id, secret := c.submit(image)

	got, err := client.OpenSelf(c.clientKey, c.Ctx.ChainID(), c.task(id), c.version)
	require.NoError(t, err)
	require.Equal(t, secret, got)

	stranger, err := private.GenerateKey()
	require.NoError(t, err)
	_, err = client.OpenSelf(stranger, c.Ctx.ChainID(), c.task(id), c.version)
	require.ErrorIs(t, err, private.ErrEnvelope)

	other, err := client.NewSecret(zktest.DigitsInputs(t)[1])
	require.NoError(t, err)
	_, self, err := other.Seal(c.clientKey, c.Ctx.ChainID(), c.user.String(), c.version)
	require.NoError(t, err)
	mismatched := c.task(id)
	mismatched.SelfCiphertext = self
	_, err = client.OpenSelf(c.clientKey, c.Ctx.ChainID(), mismatched, c.version)
	require.ErrorContains(t, err, "does not match its input commitment")
}

// TestPublicResultOnPrivateVersion: a public task on a private-capable model
// is proven sealed with r = 0, and its result still verifies locally.
func TestPublicResultOnPrivateVersion(t *testing.T) {
	c := newPrivateChain(t)
	_, _, prove, _ := zktest.DigitsPrivate(t)
	image := zktest.DigitsInputs(t)[0]
	res := c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.poolID, Input: vector.Encode(image), Reward: hyra(1),
		Deadline: c.Ctx.BlockTime().Add(time.Hour),
	})
	var sub tptypes.MsgSubmitTaskResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &sub))
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: sub.TaskId})
	out, proof := prove(c.Ctx.ChainID(), sub.TaskId, c.worker, image)
	c.deliver(&tptypes.MsgSubmitResult{Worker: c.worker.String(), TaskId: sub.TaskId, Output: out, Proof: proof})

	task := c.task(sub.TaskId)
	checked, err := client.CheckPublicResult(c.Ctx.ChainID(), &task, c.version)
	require.NoError(t, err)
	require.True(t, checked.Verified, "%v", checked.VerifyErr)
	want, err := c.art.Infer(image)
	require.NoError(t, err)
	require.Equal(t, want, checked.Output)
}

// TestPrivateFollowerSkipsAKeyThatTakesNoEnvelope: a claim whose key is
// not a usable X25519 key (the chain checks only its length) gets no post
// and does not stop the client; the claim lapses and the next one gets the
// input.
func TestPrivateFollowerSkipsAKeyThatTakesNoEnvelope(t *testing.T) {
	c := newPrivateChain(t)
	id, secret := c.submit(zktest.DigitsInputs(t)[4])
	f := &client.PrivateFollower{ChainID: c.Ctx.ChainID(), TaskID: id, Secret: secret}
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: make([]byte, 32)})
	posted, kinds := c.step(f)
	require.False(t, posted)
	require.Equal(t, []string{client.NoteClaimed, client.NoteBadKey}, kinds)
	posted, kinds = c.step(f)
	require.False(t, posted)
	require.Empty(t, kinds, "said once per claim")

	c.RunFor(tptypes.DefaultPrivateInputWindow + 2*time.Second)
	key, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&tptypes.MsgClaimTask{Worker: c.worker2.String(), PoolId: c.poolID, TaskId: id, EncryptionKey: key.PublicKey()})
	posted, kinds = c.step(f)
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
