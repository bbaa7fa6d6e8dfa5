package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// resultCase starts from pool 1 with tasks 1 and 2 (same input, reward
// 10,000), task 1 claimed by the worker, and a valid result for it.
type resultCase struct {
	name    string
	setup   func(f *fixture, m *types.MsgSubmitResult)
	wantErr string
}

func TestSubmitResult(t *testing.T) {
	tests := []resultCase{
		{name: "success - valid proof settles the task", setup: func(*fixture, *types.MsgSubmitResult) {}},
		{name: "success - verified against the task's model version after an update", setup: func(f *fixture, _ *types.MsgSubmitResult) {
			m := f.models.Models[irisID]
			m.Version = 2
			f.models.Models[irisID] = m
			v := f.models.Versions[[2]uint64{irisID, 1}]
			v.Version, v.VerifyingKey = 2, []byte("a different key")
			f.models.Versions[[2]uint64{irisID, 2}] = v
		}},
		{name: "success - deactivated worker finishes its claim", setup: func(f *fixture, m *types.MsgSubmitResult) {
			_, err := f.msgs.DeactivateWorker(f.ctx, &types.MsgDeactivateWorker{Worker: m.Worker})
			require.NoError(f.t, err)
		}},
		{name: "error - oversized proof", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Proof = append(m.Proof, 0) }, wantErr: "proof is 165 bytes, must be exactly 164"},
		{name: "error - empty proof", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Proof = nil }, wantErr: "proof is 0 bytes, must be exactly 164"},
		{name: "error - short proof", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Proof = m.Proof[:100] }, wantErr: "proof is 100 bytes, must be exactly 164"},
		{name: "error - oversized output", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Output = make([]byte, types.MaxVectorSize+8) }, wantErr: "invalid result output"},
		{name: "error - malformed output", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Output = m.Output[:20] }, wantErr: "not a multiple of 8"},
		{name: "error - output of the wrong length", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Output = m.Output[:16] }, wantErr: "2 elements, model 1 version 1 outputs 3"},
		{name: "error - bad worker address", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.Worker = "hyra1zzz" }, wantErr: "invalid address"},
		{name: "error - unknown task", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.TaskId = 77 }, wantErr: "task not found"},
		{name: "error - open task", setup: func(_ *fixture, m *types.MsgSubmitResult) { m.TaskId = 2 }, wantErr: "task 2 is TASK_STATUS_OPEN, not CLAIMED"},
		{name: "error - non-assigned worker", setup: func(f *fixture, m *types.MsgSubmitResult) {
			f.readyWorker(f.worker2)
			m.Worker = f.str(f.worker2)
			m.Output, m.Proof = f.proveTask(1, f.worker2)
		}, wantErr: "signer is not the task's assigned worker"},
		{name: "error - after claim expiry", setup: func(f *fixture, _ *types.MsgSubmitResult) {
			f.ctx = f.ctx.WithBlockTime(f.task(1).ClaimExpiry)
		}, wantErr: "claim has expired"},
		{name: "error - after the deadline", setup: func(f *fixture, _ *types.MsgSubmitResult) {
			f.ctx = f.ctx.WithBlockTime(f.task(1).Deadline)
		}, wantErr: "task deadline has passed"},
		{name: "error - proof replayed from another task", setup: func(f *fixture, m *types.MsgSubmitResult) {
			m.Output, m.Proof = f.proveTask(2, f.worker)
		}, wantErr: "invalid proof"},
		{name: "error - proof made for another worker", setup: func(f *fixture, m *types.MsgSubmitResult) {
			m.Output, m.Proof = f.proveTask(1, f.worker2)
		}, wantErr: "invalid proof"},
		{name: "error - proof made for another chain", setup: func(f *fixture, m *types.MsgSubmitResult) {
			in, err := vector.Decode(f.task(1).Input)
			require.NoError(f.t, err)
			m.Output, m.Proof = f.prove("other-chain-1", 1, f.worker, in)
		}, wantErr: "invalid proof"},
		{name: "error - tampered output", setup: func(_ *fixture, m *types.MsgSubmitResult) {
			out, err := vector.Decode(m.Output)
			if err != nil {
				panic(err)
			}
			out[0]++
			m.Output = vector.Encode(out)
		}, wantErr: "invalid proof"},
		{name: "error - garbage proof of the right size", setup: func(_ *fixture, m *types.MsgSubmitResult) {
			m.Proof = make([]byte, verifier.ProofSize)
		}, wantErr: "invalid proof"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			f.submitTask(poolID, 10_000)
			f.submitTask(poolID, 10_000)
			f.readyWorker(f.worker)
			f.claim(f.worker, poolID, 1)
			output, proof := f.proveTask(1, f.worker)
			msg := &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: 1, Output: output, Proof: proof}
			tc.setup(f, msg)
			total, ownerBefore := f.bank.Total(), f.balance(f.owner)
			before := f.snapshot()
			res, err := f.msgs.SubmitResult(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				require.Empty(t, f.rewards.Settled)
				return
			}
			require.NoError(t, err)
			require.Equal(t, coin(9000), res.WorkerReward)
			require.Equal(t, int64(9000), f.balance(f.worker))
			require.Equal(t, int64(500), f.balance(f.owner)-ownerBefore)
			require.Equal(t, int64(500), f.balance(f.rewards.Protocol))
			require.Equal(t, int64(10_000), f.escrow(), "task 2 is still escrowed")
			f.checkInvariants(total)

			task := f.task(1)
			require.Equal(t, types.TASK_STATUS_COMPLETED, task.Status)
			require.Equal(t, output, task.Output)
			require.Equal(t, proof, task.Proof)
			require.Equal(t, f.ctx.BlockTime(), task.CompletedAt)
			rec := f.workerRec(f.worker)
			require.Equal(t, uint64(1), rec.TotalTasks)
			require.Equal(t, "9000uhyra", rec.TotalRewards.String())
			require.Empty(t, rec.ActiveTaskIds)
			require.Equal(t, uint64(1), f.models.Completed[irisID])
			pool := f.pool(poolID)
			require.Equal(t, [3]uint64{1, 0, 1}, [3]uint64{pool.OpenTasks, pool.ClaimedTasks, pool.CompletedTasks})
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskCompleted")

			// The same result again is refused: the task is settled once.
			_, err = f.msgs.SubmitResult(f.ctx, msg)
			require.ErrorContains(t, err, "is TASK_STATUS_COMPLETED")
		})
	}
}

// TestSubmitResultRetry checks that a failed result leaves the claim in
// place, so the worker can retry with a valid one before the claim lapses.
func TestSubmitResultRetry(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	id := f.submitTask(poolID, price)
	f.readyWorker(f.worker)
	f.claim(f.worker, poolID, id)
	output, proof := f.proveTask(id, f.worker)
	bad := append([]byte(nil), proof...)
	bad[10] ^= 0xFF
	_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: output, Proof: bad})
	require.ErrorContains(t, err, "invalid proof")
	require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)

	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(30 * time.Second))
	_, err = f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: id, Output: output, Proof: proof})
	require.NoError(t, err)
	require.Equal(t, int64(0), f.escrow())
}
