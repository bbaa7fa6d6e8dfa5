package keeper_test

import (
	"bytes"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestSubmitPrivateTask(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture, m *types.MsgSubmitTask)
		wantErr string
	}{
		{name: "success - at the private price", setup: func(*fixture, *types.MsgSubmitTask) {}},
		{name: "error - version not private-capable", setup: func(f *fixture, _ *types.MsgSubmitTask) {
			v := f.models.Versions[[2]uint64{irisID, 1}]
			v.Private = false
			f.models.Versions[[2]uint64{irisID, 1}] = v
		}, wantErr: "cannot prove private tasks"},
		{name: "error - no private price", setup: func(f *fixture, _ *types.MsgSubmitTask) {
			m := f.models.Models[irisID]
			m.PrivatePrice = sdk.Coin{}
			f.models.Models[irisID] = m
		}, wantErr: "model 1 has no private price"},
		{name: "error - below the private price, above the public one", setup: func(_ *fixture, m *types.MsgSubmitTask) {
			m.Reward = coin(privatePrice - 1)
		}, wantErr: "below the model price 3000uhyra"},
		{name: "error - plaintext input sent along", setup: func(f *fixture, m *types.MsgSubmitTask) { m.Input = f.irisInput() }, wantErr: "carries no input"},
		{name: "error - commitment not canonical", setup: func(_ *fixture, m *types.MsgSubmitTask) {
			m.InputCommitment = bytes.Repeat([]byte{0xFF}, 32)
		}, wantErr: "not a canonical field element"},
		{name: "error - no self ciphertext", setup: func(_ *fixture, m *types.MsgSubmitTask) { m.SelfCiphertext = nil }, wantErr: "self_ciphertext is 0 bytes"},
		{name: "error - oversized self ciphertext", setup: func(_ *fixture, m *types.MsgSubmitTask) {
			m.SelfCiphertext = make([]byte, types.MaxCiphertextSize+1)
		}, wantErr: "self_ciphertext is 8275 bytes"},
		{name: "error - public task with a commitment", setup: func(f *fixture, m *types.MsgSubmitTask) {
			m.Private = false
			m.Input = f.irisInput()
		}, wantErr: "for private tasks only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.makePrivate()
			poolID := f.createPool()
			msg := f.privateMsg(poolID, privatePrice)
			tc.setup(f, msg)
			before := f.snapshot()
			balance := f.balance(f.creator)
			res, err := f.msgs.SubmitTask(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			task := f.task(res.TaskId)
			require.True(t, task.Private)
			require.Empty(t, task.Input, "no plaintext on chain")
			require.Equal(t, msg.InputCommitment, task.InputCommitment)
			require.Equal(t, msg.SelfCiphertext, task.SelfCiphertext)
			require.Equal(t, balance-privatePrice, f.balance(f.creator))
			require.Equal(t, privatePrice, f.escrow())
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskSubmitted")
			got, err := f.queries.Task(f.ctx, &types.QueryTaskRequest{Id: res.TaskId})
			require.NoError(t, err)
			require.Empty(t, got.Task.Input)
			require.Empty(t, got.Task.InputVector)
		})
	}
}

// TestPublicTaskOnPrivateVersion: a private-capable circuit hides every
// input, so a public task's stored commitment is HidingInput(C_in, 0), and
// the public price applies.
func TestPublicTaskOnPrivateVersion(t *testing.T) {
	f := newFixture(t)
	f.makePrivate()
	poolID := f.createPool()
	id := f.submitTask(poolID, price)
	task := f.task(id)
	require.False(t, task.Private)
	require.Equal(t, f.hidingCommitment(0), task.InputCommitment)
	require.Equal(t, price, f.escrow())
}

func TestClaimPrivateTask(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()

	before := f.snapshot()
	_, err := f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID, TaskId: id})
	require.ErrorContains(t, err, "task 1 is private: claim it with an encryption key")
	_, err = f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID})
	require.ErrorContains(t, err, "no claimable task", "the oldest-task claim steps over private tasks without a key")
	_, err = f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID, EncryptionKey: workerKey[:31]})
	require.ErrorContains(t, err, "encryption key is 31 bytes")
	_, err = f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID, EncryptionKey: make([]byte, 32)})
	require.ErrorContains(t, err, "small order", "a key no input can be sealed to is refused")
	f.requireUnchanged(before)

	public := f.submitTask(poolID, price)
	res, err := f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID})
	require.NoError(t, err)
	require.Equal(t, public, res.TaskId, "without a key the next public task is claimed")
	require.Empty(t, f.task(public).WorkerKey)

	f.readyWorker(f.worker2)
	res, err = f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker2), PoolId: poolID, EncryptionKey: workerKey})
	require.NoError(t, err)
	require.Equal(t, id, res.TaskId)
	task := f.task(id)
	require.Equal(t, workerKey, task.WorkerKey)
	require.Equal(t, f.ctx.BlockTime().Add(types.DefaultPrivateInputWindow), task.ClaimExpiry,
		"the claim first lasts the input window")
}

// TestBestOpenTaskSkipsPrivateWithoutKey: a best-task claim without a key
// steps over a better-paid private task to the best public one.
func TestBestOpenTaskSkipsPrivateWithoutKey(t *testing.T) {
	f := newFixture(t)
	poolID, private := f.privateSetup()
	public := f.submitTask(poolID, price)

	got, found, err := f.k.BestOpenTask(f.ctx, types.ClaimFilter{}, 0)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, public, got.Id)

	got, found, err = f.k.BestOpenTask(f.ctx, types.ClaimFilter{EncryptionKey: workerKey}, 0)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, private, got.Id, "with a key the private task pays more")
}

// TestBestOpenTaskWithoutKeyIgnoresPrivateTasks: private tasks, however many
// and however well paid, neither hide the public task from a best-task claim
// without a key (they once used up its skips) nor add to what it reads: it
// costs the same gas with and without them. A claim with a key gets the
// best-paid of them.
func TestBestOpenTaskWithoutKeyIgnoresPrivateTasks(t *testing.T) {
	f := newFixture(t)
	poolID, _ := f.privateSetup()
	public := f.submitTask(poolID, price)
	claim := func(want types.ClaimFilter) (types.Task, uint64) {
		t.Helper()
		ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		got, found, err := f.k.BestOpenTask(ctx, want, 0)
		require.NoError(t, err)
		require.True(t, found)
		return got, ctx.GasMeter().GasConsumed()
	}
	_, alone := claim(types.ClaimFilter{})

	var best uint64
	for i := range 3 * 16 { // three times maxBucketSkips
		res, err := f.msgs.SubmitTask(f.ctx, f.privateMsg(poolID, privatePrice+int64(i)))
		require.NoError(t, err)
		best = res.TaskId
	}
	got, gas := claim(types.ClaimFilter{})
	require.Equal(t, public, got.Id, "the public task behind the private ones")
	require.Equal(t, alone, gas, "a claim without a key reads no private task")
	got, _ = claim(forModel(irisID))
	require.Equal(t, public, got.Id, "the same through the model's index")
	got, _ = claim(types.ClaimFilter{Models: []types.ServedVersions{{ModelID: irisID, Versions: []uint64{1}}}})
	require.Equal(t, public, got.Id, "the same through the version's index")
	got, _ = claim(types.ClaimFilter{EncryptionKey: workerKey})
	require.Equal(t, best, got.Id, "with a key the best-paid private task")
}

// TestPrivateResultStatement: a private task's result is checked against a
// sealed statement over the stored hiding commitment and the submitted
// sealed output, and only after the input was posted.
func TestPrivateResultStatement(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	f.claimPrivate(f.worker, poolID, id)
	sealed := make([]byte, 32*3) // iris outputs 3 values
	msg := &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: sealed, Proof: make([]byte, 164)}

	_, _, err := f.k.ResultStatement(f.ctx, msg)
	require.ErrorContains(t, err, "no result before the creator posts the input")

	require.NoError(t, f.postInput(id, []byte("input sealed to the worker")))
	st, _, err := f.k.ResultStatement(f.ctx, msg)
	require.NoError(t, err)
	require.True(t, st.Sealed)
	require.Equal(t, sealed, st.Output)
	require.Equal(t, f.task(id).InputCommitment, st.InputCommitment)

	msg.Output = make([]byte, 32*3+1)
	_, _, err = f.k.ResultStatement(f.ctx, msg)
	require.ErrorContains(t, err, "sealed output of 3 values")
	msg.Output = bytes.Repeat([]byte{0xFF}, 32*3)
	_, _, err = f.k.ResultStatement(f.ctx, msg)
	require.ErrorContains(t, err, "sealed output of 3 values", "non-canonical elements are refused")

	before := f.snapshot()
	_, err = f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: sealed, Proof: make([]byte, 164)})
	require.ErrorContains(t, err, "invalid proof")
	f.requireUnchanged(before)
}
