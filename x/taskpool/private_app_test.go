package taskpool_test

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestPrivateTaskOnTheRealApp runs a private task of the private-capable
// digits model from submission to the client's decrypted, verified output,
// with the real envelope and real proofs: the chain never holds the input
// or the output, a ciphertext posted for another task does not open for the
// worker, and a public task on the same model is still proven and settled.
func TestPrivateTaskOnTheRealApp(t *testing.T) {
	c := newChain(t)
	art, vk, prove, provePrivate := zktest.DigitsPrivate(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: c.owner.String(), Name: "digits-private", Description: "8x8 digits, private-capable", Price: hyra(1), PrivatePrice: hyra(3),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max}, //nolint:gosec // small
		OutputLength: uint32(a.Output.Length),                                                                           //nolint:gosec // small
	})
	res := c.deliver(&types.MsgCreateTaskPool{Creator: c.owner.String(), Name: "digits", ModelId: 2, ClaimTimeout: time.Minute})
	var pool types.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &pool))
	chainID := c.Ctx.ChainID()
	image := zktest.DigitsInputs(t)[0]

	// The client: a blinding, the hiding commitment, the input sealed to itself.
	clientKey, err := private.GenerateKey()
	require.NoError(t, err)
	r, err := private.NewBlinding()
	require.NoError(t, err)
	cIn, err := a.InputScheme().Commit(image)
	require.NoError(t, err)
	hiding := commit.HidingInput(cIn, r)
	hidingBytes := hiding.Bytes()
	self, err := private.SealInput(clientKey.PublicKey(), private.Info{
		ChainID: chainID, TaskID: 1, Worker: c.user.String(), Purpose: private.PurposeInputToSelf,
	}, image, r)
	require.NoError(t, err)
	submit := func() uint64 {
		res := c.deliver(&types.MsgSubmitTask{
			Creator: c.user.String(), PoolId: pool.PoolId, Reward: hyra(3), Deadline: c.Ctx.BlockTime().Add(time.Hour),
			Private: true, InputCommitment: hidingBytes[:], SelfCiphertext: self,
		})
		var out types.MsgSubmitTaskResponse
		require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
		return out.TaskId
	}
	id, other := submit(), submit()
	c.NextBlock(time.Second)

	// The worker claims with its key; the client posts the input sealed to it.
	workerKey, err := private.GenerateKey()
	require.NoError(t, err)
	c.deliver(&types.MsgClaimTask{Worker: c.worker.String(), PoolId: pool.PoolId, TaskId: id, EncryptionKey: workerKey.PublicKey()})
	c.deliver(&types.MsgClaimTask{Worker: c.worker2.String(), PoolId: pool.PoolId, TaskId: other, EncryptionKey: workerKey.PublicKey()})
	toWorker := func(taskID uint64, worker string) private.Info {
		return private.Info{ChainID: chainID, TaskID: taskID, Worker: worker, Purpose: private.PurposeInputToWorker}
	}
	posted, err := private.SealInput(c.task(id).WorkerKey, toWorker(id, c.worker.String()), image, r)
	require.NoError(t, err)
	c.deliver(&types.MsgPostInput{Creator: c.user.String(), TaskId: id, Ciphertext: posted})
	c.deliver(&types.MsgPostInput{Creator: c.user.String(), TaskId: other, Ciphertext: posted}) // replayed

	// The worker opens its input and checks it against the commitment; the
	// replayed ciphertext does not open for the other task.
	_, _, err = workerKey.OpenInput(c.task(other).InputCiphertext, toWorker(other, c.worker2.String()))
	require.ErrorIs(t, err, private.ErrEnvelope)
	input, gotR, err := workerKey.OpenInput(c.task(id).InputCiphertext, toWorker(id, c.worker.String()))
	require.NoError(t, err)
	require.Equal(t, image, input)
	require.Equal(t, hiding, commit.HidingInput(cIn, gotR))
	sealed, proof := provePrivate(chainID, id, c.worker, input, gotR)
	c.deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: sealed, Proof: proof})

	done := c.task(id)
	require.Equal(t, types.TASK_STATUS_COMPLETED, done.Status)
	require.Empty(t, done.Input)
	require.Empty(t, done.InputCiphertext, "cleared when the task left CLAIMED")
	// The client opens the sealed output with its blinding.
	ct, err := commit.DecodeSealed(done.Output, a.Output.Length)
	require.NoError(t, err)
	y, err := commit.OpenOutput(ct, r, commit.MinValue, commit.MaxValue)
	require.NoError(t, err)
	want, err := a.Infer(image)
	require.NoError(t, err)
	require.Equal(t, want, y, "the client decrypts exactly the model's output")
	require.NotEqual(t, vector.Encode(want), done.Output)
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	// A public task on the private-capable model: proven with r = 0 and
	// stored in plaintext.
	pub := c.deliver(&types.MsgSubmitTask{
		Creator: c.user.String(), PoolId: pool.PoolId, Input: vector.Encode(image), Reward: hyra(1),
		Deadline: c.Ctx.BlockTime().Add(time.Hour),
	})
	var pubRes types.MsgSubmitTaskResponse
	require.NoError(t, gogoproto.Unmarshal(pub.MsgResponses[0].Value, &pubRes))
	c.deliver(&types.MsgClaimTask{Worker: c.worker.String(), PoolId: pool.PoolId, TaskId: pubRes.TaskId})
	out, pubProof := prove(chainID, pubRes.TaskId, c.worker, image)
	c.deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: pubRes.TaskId, Output: out, Proof: pubProof})
	require.Equal(t, vector.Encode(want), c.task(pubRes.TaskId).Output)
}
