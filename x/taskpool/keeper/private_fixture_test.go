package keeper_test

import (
	"bytes"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/commit"
)

// privatePrice is the iris model's private price in the private fixture.
const privatePrice = int64(3000)

// workerKey is a worker's X25519 public key as claims carry it (the chain
// only stores it and checks its size).
var workerKey = bytes.Repeat([]byte{7}, types.EncryptionKeySize)

// makePrivate makes the iris model take private tasks: its version
// private-capable and a private price.
func (f *fixture) makePrivate() {
	v := f.models.Versions[[2]uint64{irisID, 1}]
	v.Private = true
	f.models.Versions[[2]uint64{irisID, 1}] = v
	m := f.models.Models[irisID]
	m.PrivatePrice = coin(privatePrice)
	f.models.Models[irisID] = m
}

// hidingCommitment is a hiding commitment to the fixture's iris input with
// blinding r, as a client computes it.
func (f *fixture) hidingCommitment(r uint64) []byte {
	f.t.Helper()
	in, err := commit.Input(f.irisInputVector())
	require.NoError(f.t, err)
	var blinding fr.Element
	blinding.SetUint64(r)
	h := commit.HidingInput(in, blinding)
	b := h.Bytes()
	return b[:]
}

func (f *fixture) irisInputVector() []int64 {
	task := types.Task{Input: f.irisInput()}
	v, err := task.DecodedInput()
	require.NoError(f.t, err)
	return v
}

// privateMsg is a valid private submission to poolID with a one-hour deadline.
func (f *fixture) privateMsg(poolID uint64, reward int64) *types.MsgSubmitTask {
	return &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: poolID, Reward: coin(reward), Deadline: f.ctx.BlockTime().Add(time.Hour),
		Private: true, InputCommitment: f.hidingCommitment(42), SelfCiphertext: []byte("sealed to the client itself"),
	}
}

// submitPrivate submits a private task to poolID at the private price.
func (f *fixture) submitPrivate(poolID uint64) uint64 {
	f.t.Helper()
	res, err := f.msgs.SubmitTask(f.ctx, f.privateMsg(poolID, privatePrice))
	require.NoError(f.t, err)
	return res.TaskId
}

// claimPrivate claims taskID of poolID for w with workerKey.
func (f *fixture) claimPrivate(w sdk.AccAddress, poolID, taskID uint64) {
	f.t.Helper()
	_, err := f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(w), PoolId: poolID, TaskId: taskID, EncryptionKey: workerKey})
	require.NoError(f.t, err)
}

// postInput posts ciphertext as taskID's input, from its creator.
func (f *fixture) postInput(taskID uint64, ciphertext []byte) error {
	_, err := f.msgs.PostInput(f.ctx, &types.MsgPostInput{Creator: f.str(f.creator), TaskId: taskID, Ciphertext: ciphertext})
	return err
}

// rejectInput rejects taskID's posted input as w.
func (f *fixture) rejectInput(w sdk.AccAddress, taskID uint64) (*types.MsgRejectInputResponse, error) {
	return f.msgs.RejectInput(f.ctx, &types.MsgRejectInput{Worker: f.str(w), TaskId: taskID})
}

// privateSetup makes iris private, creates a pool, readies the worker, and
// submits one private task; it returns the pool and task ids.
func (f *fixture) privateSetup() (poolID, taskID uint64) {
	f.t.Helper()
	f.makePrivate()
	poolID = f.createPool()
	f.readyWorker(f.worker)
	return poolID, f.submitPrivate(poolID)
}
