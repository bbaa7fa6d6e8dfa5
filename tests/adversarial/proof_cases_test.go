package adversarial

import (
	"bytes"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// replayForAnotherTask: the worker completes task a, then submits a's
// (public, on-chain) output and proof for task b, which has the same input.
func replayForAnotherTask(f *fixture) sdk.Msg {
	a, b := f.submit(), f.submit()
	f.claim(f.worker, a)
	done := f.honestResult(f.worker, a)
	f.mustDeliver(done)
	f.claim(f.worker, b)
	return &tptypes.MsgSubmitResult{Worker: f.worker.String(), TaskId: b, Output: done.Output, Proof: done.Proof}
}

// proofOfAnotherWorker: worker2 holds the claim and submits a proof that was
// made for worker (copied from the mempool, say).
func proofOfAnotherWorker(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker2, id)
	return f.result(f.worker2, id, f.Ctx.ChainID(), f.worker)
}

// resultWithoutClaim: worker submits a valid proof of its own for a task
// that worker2 holds.
func resultWithoutClaim(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker2, id)
	return f.honestResult(f.worker, id)
}

// tamperedOutput: the honest proof with one output value changed.
func tamperedOutput(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)
	out, err := vector.Decode(msg.Output)
	require.NoError(f.T, err)
	out[0]++
	msg.Output = vector.Encode(out)
	return msg
}

// proofForAnotherChain: a proof made for the same task and worker on
// another chain.
func proofForAnotherChain(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	return f.result(f.worker, id, "other-chain-1", f.worker)
}

// oversizedProof: the honest proof with a byte appended.
func oversizedProof(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)
	msg.Proof = append(msg.Proof, 0)
	return msg
}

// garbageProof: bytes of the exact proof size that are no proof.
func garbageProof(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)
	msg.Proof = bytes.Repeat([]byte{0xab}, verifier.ProofSize)
	return msg
}

// garbageVerifyingKey: a registration whose key has the right size but is
// no curve points; the owner must not be charged the fee.
func garbageVerifyingKey(f *fixture) sdk.Msg {
	msg := f.registerMsg(hyra(1))
	msg.VerifyingKey = bytes.Repeat([]byte{0x5a}, verifier.VerifyingKeySize)
	return msg
}

// secondClaim: a worker that holds a claim claims another task.
func secondClaim(f *fixture) sdk.Msg {
	a, b := f.submit(), f.submit()
	f.claim(f.worker, a)
	return &tptypes.MsgClaimTask{Worker: f.worker.String(), PoolId: f.poolID, TaskId: b}
}

// resultAfterClaimExpiry: the honest result arrives in the block after the
// one-minute claim lapsed, before EndBlock gives the task back.
func resultAfterClaimExpiry(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)
	f.RunFor(time.Minute - time.Second)
	f.NextBlock(2 * time.Second)
	require.Equal(f.T, tptypes.TASK_STATUS_CLAIMED, f.task(id).Status)
	return msg
}

// claimReturnedToPool: the next EndBlock reopens the lapsed claim, frees the
// worker's slot and lowers its reputation.
func claimReturnedToPool(f *fixture) {
	repBefore, err := f.rewards.Reputation(f.Ctx, f.worker)
	require.NoError(f.T, err)
	f.NextBlock(time.Second)
	task := f.task(f.lastTaskID())
	require.Equal(f.T, tptypes.TASK_STATUS_OPEN, task.Status)
	require.Empty(f.T, task.Worker)
	w, err := f.tp.GetWorker(f.Ctx, f.worker)
	require.NoError(f.T, err)
	require.Empty(f.T, w.ActiveTaskIds)
	rep, err := f.rewards.Reputation(f.Ctx, f.worker)
	require.NoError(f.T, err)
	require.Less(f.T, rep, repBefore)
}

// resultAfterDeadline: the result arrives at the task's deadline, before
// EndBlock has handled the lapsed claim or expired the task.
func resultAfterDeadline(f *fixture) sdk.Msg {
	pool := f.createPool(time.Minute)
	id := f.submitTo(pool, hyra(2), 2*time.Minute)
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)
	f.NextBlock(2 * time.Minute)
	return msg
}

// taskExpiredAndRefunded: the next EndBlock expires the task and refunds the
// client in full.
func taskExpiredAndRefunded(f *fixture) {
	id := f.lastTaskID()
	before := f.Balance(f.user, "uhyra")
	f.NextBlock(time.Second)
	require.Equal(f.T, tptypes.TASK_STATUS_EXPIRED, f.task(id).Status)
	require.Equal(f.T, before.Add(f.task(id).Reward), f.Balance(f.user, "uhyra"))
}

// cancelByNonCreator: a worker tries to cancel (and be refunded) the
// client's open task.
func cancelByNonCreator(f *fixture) sdk.Msg {
	id := f.submit()
	return &tptypes.MsgCancelTask{Creator: f.worker.String(), TaskId: id}
}

// lastTaskID is the id of the newest task.
func (f *fixture) lastTaskID() uint64 {
	next, err := f.tp.TaskSeq.Peek(f.Ctx)
	require.NoError(f.T, err)
	return next - 1
}
