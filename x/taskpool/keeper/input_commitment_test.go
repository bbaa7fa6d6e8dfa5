package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// TestSubmitTaskStoresInputCommitment: a submitted task carries zk/commit's commitment to its
// input under the model's scheme (the iris model: the v1 packing), and the submitter paid for
// the hashing, per input element.
func TestSubmitTaskStoresInputCommitment(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	before := f.ctx.GasMeter().GasConsumed()
	f.submitTask(poolID, 10_000)
	in, err := vector.Decode(f.task(1).Input)
	require.NoError(t, err)
	want, err := commit.Input(in)
	require.NoError(t, err)
	wantBytes := want.Bytes()
	require.Equal(t, wantBytes[:], f.task(1).InputCommitment)
	require.GreaterOrEqual(t, f.ctx.GasMeter().GasConsumed()-before, verifier.InputCommitmentGasPerElement*uint64(len(in)))
}

// TestResultVerifiesAgainstStoredCommitment: the result path reads the commitment from state,
// not the input: a valid proof fails once the task's stored commitment is another task's, and
// verifies again with its own.
func TestResultVerifiesAgainstStoredCommitment(t *testing.T) {
	f, msg := claimedResult(t)
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: 1, Input: vector.Encode(zktest.IrisInputs(t)[1]), Reward: coin(10_000),
		Deadline: f.ctx.BlockTime().Add(time.Hour),
	})
	require.NoError(t, err)
	own, other := f.task(1).InputCommitment, f.task(res.TaskId).InputCommitment
	require.NotEqual(t, own, other)

	setCommitment(f, 1, other)
	st, _, err := f.k.ResultStatement(f.ctx, msg)
	require.NoError(t, err)
	require.Equal(t, other, st.InputCommitment)
	require.Contains(t, submit(f, msg).err, "invalid proof")
	require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(1).Status)

	setCommitment(f, 1, own)
	require.Empty(t, submit(f, msg).err)
	require.Equal(t, types.TASK_STATUS_COMPLETED, f.task(1).Status)
}

// TestLegacyTaskGetsItsCommitmentAtResult: a task stored before commitments were (no field) is
// verified against the commitment computed from its input, and the statement is the one a new
// task's would be.
func TestLegacyTaskGetsItsCommitmentAtResult(t *testing.T) {
	f, msg := claimedResult(t)
	stored := f.task(1).InputCommitment
	setCommitment(f, 1, nil)
	st, _, err := f.k.ResultStatement(f.ctx, msg)
	require.NoError(t, err)
	require.Equal(t, stored, st.InputCommitment)
	require.Empty(t, submit(f, msg).err)
	require.Equal(t, types.TASK_STATUS_COMPLETED, f.task(1).Status)
}

func setCommitment(f *fixture, id uint64, c []byte) {
	f.t.Helper()
	task := f.task(id)
	task.InputCommitment = c
	require.NoError(f.t, f.k.Tasks.Set(f.ctx, id, task))
}

// TestEncodingsCommitAlike: the same integers sent as INT64, UINT8 and INT16 are stored as sent
// (8, 1 and 2 bytes an element) under one input commitment, since commitments are over the
// decoded integers; a worker proves the compact task from its decoded input and is paid.
func TestEncodingsCommitAlike(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	f.readyWorker(f.worker)
	in := zktest.IrisInputs(t)[0]
	var ids []uint64
	for _, e := range []types.VectorEncoding{types.VECTOR_ENCODING_INT64, types.VECTOR_ENCODING_UINT8, types.VECTOR_ENCODING_INT16} {
		b, err := vector.EncodeAs(in, e.Vector())
		require.NoError(t, err)
		res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
			Creator: f.str(f.creator), PoolId: poolID, Input: b, InputEncoding: e, Reward: coin(price),
			Deadline: f.ctx.BlockTime().Add(time.Hour),
		})
		require.NoError(t, err)
		task := f.task(res.TaskId)
		require.Equal(t, e, task.InputEncoding)
		require.Len(t, task.Input, len(in)*e.Vector().Width())
		require.Equal(t, f.task(1).InputCommitment, task.InputCommitment, "%s", e)
		ids = append(ids, res.TaskId)
	}
	compact := ids[1]
	f.claim(f.worker, poolID, compact)
	out, proof := f.proveTask(compact, f.worker)
	_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: compact, Output: out, Proof: proof})
	require.NoError(t, err)
	require.Equal(t, types.TASK_STATUS_COMPLETED, f.task(compact).Status)
}
