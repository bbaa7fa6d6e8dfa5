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
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestDigitsModelOnTheRealApp runs the task lifecycle with real proofs of the
// bundled digits model (64 inputs, 10 outputs) and refuses every proof that
// is not for exactly this task, worker, input and output.
func TestDigitsModelOnTheRealApp(t *testing.T) {
	c := newChain(t) // iris is model 1, pool c.poolID
	art, vk, prove := zktest.Digits(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: c.owner.String(), Name: "digits", Description: "8x8 digit classifier", Price: hyra(1),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	})
	res := c.deliver(&types.MsgCreateTaskPool{Creator: c.owner.String(), Name: "digits", ModelId: 2, ClaimTimeout: time.Minute})
	var pool types.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &pool))

	images := zktest.DigitsInputs(t)
	submit := func(img []int64) uint64 {
		res := c.deliver(&types.MsgSubmitTask{
			Creator: c.user.String(), PoolId: pool.PoolId, Input: vector.Encode(img), Reward: hyra(2),
			Deadline: c.Ctx.BlockTime().Add(time.Hour),
		})
		var out types.MsgSubmitTaskResponse
		require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
		return out.TaskId
	}
	id := submit(images[0])
	other := submit(images[1])
	c.NextBlock(time.Second)
	c.deliver(&types.MsgClaimTask{Worker: c.worker.String(), PoolId: pool.PoolId, TaskId: id})
	c.deliver(&types.MsgClaimTask{Worker: c.worker2.String(), PoolId: pool.PoolId, TaskId: other})

	chainID := c.Ctx.ChainID()
	output, proof := prove(chainID, id, c.worker, images[0])
	otherOut, otherProof := prove(chainID, other, c.worker2, images[1])
	wrongInputOut, wrongInputProof := prove(chainID, id, c.worker, images[1])
	wrongChainOut, wrongChainProof := prove("another-chain-1", id, c.worker, images[0])
	_, _, irisProve := zktest.Iris(t)
	irisOut, irisProof := irisProve(chainID, id, c.worker, zktest.IrisInputs(t)[0])
	tampered := vector.Encode(append([]int64{}, mustDecode(t, output)...))
	tampered[len(tampered)-1] ^= 1

	refused := []struct {
		name          string
		output, proof []byte
		err           string
	}{
		{"error - proof of another task", otherOut, otherProof, "invalid proof"},
		{"error - proof of another input", wrongInputOut, wrongInputProof, "invalid proof"},
		{"error - proof for another chain", wrongChainOut, wrongChainProof, "invalid proof"},
		{"error - tampered output", tampered, proof, "invalid proof"},
		{"error - proof of another model", irisOut, irisProof, "output"},
		{"error - truncated proof", output, proof[:100], "proof"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := c.uhyra(c.escrowAddr)
			_, err := c.Deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: tc.output, Proof: tc.proof})
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, types.TASK_STATUS_CLAIMED, c.task(id).Status, "the claim stays")
			require.Equal(t, before, c.uhyra(c.escrowAddr))
			require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))
		})
	}
	// The right proof from the wrong signer is refused too.
	_, err = c.Deliver(&types.MsgSubmitResult{Worker: c.worker2.String(), TaskId: id, Output: output, Proof: proof})
	require.ErrorContains(t, err, "not the task's assigned worker")

	c.deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: output, Proof: proof})
	c.deliver(&types.MsgSubmitResult{Worker: c.worker2.String(), TaskId: other, Output: otherOut, Proof: otherProof})
	done := c.task(id)
	require.Equal(t, types.TASK_STATUS_COMPLETED, done.Status)
	require.Equal(t, output, done.Output)
	want, err := a.Infer(images[0])
	require.NoError(t, err)
	require.Equal(t, want, mustDecode(t, done.Output), "the stored result is the model's output")
	require.NoError(t, c.k.CheckEscrowInvariant(c.Ctx))

	// A replay of a settled proof gets a clear error and pays nothing twice.
	workerBefore := c.uhyra(c.worker)
	_, err = c.Deliver(&types.MsgSubmitResult{Worker: c.worker.String(), TaskId: id, Output: output, Proof: proof})
	require.Error(t, err)
	require.Equal(t, workerBefore, c.uhyra(c.worker))
	c.NextBlock(time.Second) // x/rewards sends the deferred shares at the end of the block
	require.True(t, c.uhyra(c.escrowAddr).IsZero())
}

func mustDecode(t *testing.T, b []byte) []int64 {
	t.Helper()
	v, err := vector.Decode(b)
	require.NoError(t, err)
	return v
}
