package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

func TestSubmitTask(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(f *fixture, m *types.MsgSubmitTask)
		wantErr string
	}{
		{name: "success - reward at the price", mutate: func(*fixture, *types.MsgSubmitTask) {}},
		{name: "success - reward above the price, deadline at the max ttl", mutate: func(f *fixture, m *types.MsgSubmitTask) {
			m.Reward = coin(5000)
			m.Deadline = f.ctx.BlockTime().Add(types.DefaultMaxTaskTTL)
		}},
		{name: "error - bad creator", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Creator = "hyra1bad" }, wantErr: "invalid address"},
		{name: "error - unknown pool", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.PoolId = 7 }, wantErr: "pool not found"},
		{name: "error - inactive pool", mutate: func(f *fixture, m *types.MsgSubmitTask) {
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: m.PoolId})
			require.NoError(f.t, err)
		}, wantErr: "pool is not active"},
		{name: "error - inactive model", mutate: func(f *fixture, _ *types.MsgSubmitTask) {
			m := f.models.Models[irisID]
			m.Active = false
			f.models.Models[irisID] = m
		}, wantErr: "model is not active"},
		{name: "error - version whose key setup has not finished", mutate: func(f *fixture, _ *types.MsgSubmitTask) {
			f.setVersionStatus(mrtypes.SETUP_STATUS_PENDING)
		}, wantErr: "model 1 version 1 has no verifying key until its multi-party setup is finalized"},
		{name: "error - retired version", mutate: func(f *fixture, _ *types.MsgSubmitTask) {
			f.setVersionStatus(mrtypes.SETUP_STATUS_RETIRED)
		}, wantErr: "model 1 version 1 was retired by governance"},
		{name: "success - version set up by a ceremony", mutate: func(f *fixture, _ *types.MsgSubmitTask) {
			f.setVersionStatus(mrtypes.SETUP_STATUS_CEREMONY)
		}},
		{name: "error - malformed input", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = []byte{1, 2, 3} }, wantErr: "not a multiple of 8"},
		{name: "error - empty input", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = nil }, wantErr: "invalid task input"},
		{name: "error - oversized input", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = make([]byte, types.MaxVectorSize+8) }, wantErr: "input is 8200 bytes, must be in [1, 8192]"},
		{name: "error - wrong input length", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = vector.Encode([]int64{1, 2, 3}) }, wantErr: "3 elements, want 4"},
		{name: "error - input value above range", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = vector.Encode([]int64{1, 2, 3, 128}) }, wantErr: "outside [0, 127]"},
		{name: "error - input value below range", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Input = vector.Encode([]int64{-1, 2, 3, 4}) }, wantErr: "outside [0, 127]"},
		{name: "success - UINT8 input", mutate: func(f *fixture, m *types.MsgSubmitTask) { f.encodeInput(m, types.VECTOR_ENCODING_UINT8) }},
		{name: "success - INT16 input", mutate: func(f *fixture, m *types.MsgSubmitTask) { f.encodeInput(m, types.VECTOR_ENCODING_INT16) }},
		{name: "error - unknown input encoding", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.InputEncoding = 3 }, wantErr: "input_encoding 3 is unknown; known: VECTOR_ENCODING_INT64 (0)"},
		{name: "error - INT64 bytes declared UINT8", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.InputEncoding = types.VECTOR_ENCODING_UINT8 }, wantErr: "32 elements, want 4"},
		{name: "error - UINT8 bytes declared INT64", mutate: func(f *fixture, m *types.MsgSubmitTask) {
			f.encodeInput(m, types.VECTOR_ENCODING_UINT8)
			m.InputEncoding = types.VECTOR_ENCODING_INT64
		}, wantErr: "length 4 is not a multiple of 8 (INT64)"},
		{name: "error - ragged INT16 input", mutate: func(_ *fixture, m *types.MsgSubmitTask) {
			m.Input, m.InputEncoding = []byte{0, 1, 0, 2, 0, 3, 0}, types.VECTOR_ENCODING_INT16
		}, wantErr: "length 7 is not a multiple of 2 (INT16)"},
		{name: "error - UINT8 input above range", mutate: func(_ *fixture, m *types.MsgSubmitTask) {
			m.Input, m.InputEncoding = []byte{1, 2, 3, 200}, types.VECTOR_ENCODING_UINT8
		}, wantErr: "element 3 = 200 outside [0, 127]"},
		{name: "error - INT16 input below range", mutate: func(_ *fixture, m *types.MsgSubmitTask) {
			m.Input, m.InputEncoding = []byte{0xff, 0xff, 0, 2, 0, 3, 0, 4}, types.VECTOR_ENCODING_INT16
		}, wantErr: "element 0 = -1 outside [0, 127]"},
		{name: "error - too many UINT8 elements", mutate: func(_ *fixture, m *types.MsgSubmitTask) {
			m.Input, m.InputEncoding = make([]byte, vector.MaxLen+1), types.VECTOR_ENCODING_UINT8
		}, wantErr: "1025 elements, max 1024"},
		{name: "error - reward below price", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Reward = coin(price - 1) }, wantErr: "below the model price"},
		{name: "error - reward wrong denom", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Reward = sdk.NewInt64Coin("uatom", 5000) }, wantErr: "reward must be in uhyra"},
		{name: "error - reward invalid", mutate: func(_ *fixture, m *types.MsgSubmitTask) { m.Reward = sdk.Coin{Denom: denom} }, wantErr: "invalid task reward"},
		{name: "error - deadline in the past", mutate: func(f *fixture, m *types.MsgSubmitTask) { m.Deadline = f.ctx.BlockTime().Add(-time.Second) }, wantErr: "the minimum is 1m0s"},
		{name: "error - deadline too soon", mutate: func(f *fixture, m *types.MsgSubmitTask) { m.Deadline = f.ctx.BlockTime().Add(59 * time.Second) }, wantErr: "invalid task deadline"},
		{name: "error - deadline too far", mutate: func(f *fixture, m *types.MsgSubmitTask) {
			m.Deadline = f.ctx.BlockTime().Add(types.DefaultMaxTaskTTL + time.Second)
		}, wantErr: "the maximum is 720h0m0s"},
		{name: "error - insufficient funds", mutate: func(f *fixture, m *types.MsgSubmitTask) { m.Creator = f.str(f.worker) }, wantErr: "insufficient funds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			msg := &types.MsgSubmitTask{
				Creator: f.str(f.creator), PoolId: poolID, Input: f.irisInput(), Reward: coin(price),
				Deadline: f.ctx.BlockTime().Add(time.Hour),
			}
			tc.mutate(f, msg)
			before := f.snapshot()
			total := f.bank.Total()
			creatorBefore := f.balance(f.creator)
			res, err := f.msgs.SubmitTask(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			task := f.task(res.TaskId)
			require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
			require.Equal(t, irisID, task.ModelId)
			require.Equal(t, uint64(1), task.ModelVersion)
			require.Equal(t, msg.Input, task.Input)
			require.Equal(t, msg.InputEncoding, task.InputEncoding)
			require.Equal(t, msg.Reward, task.Reward)
			require.True(t, msg.Deadline.Equal(task.Deadline))
			require.Equal(t, creatorBefore-msg.Reward.Amount.Int64(), f.balance(f.creator))
			require.Equal(t, msg.Reward.Amount.Int64(), f.escrow())
			require.Equal(t, uint64(1), f.pool(poolID).OpenTasks)
			f.checkInvariants(total)
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskSubmitted")
		})
	}
}

// encodeInput re-encodes m's input under e.
func (f *fixture) encodeInput(m *types.MsgSubmitTask, e types.VectorEncoding) {
	f.t.Helper()
	v, err := vector.Decode(m.Input)
	require.NoError(f.t, err)
	m.Input, err = vector.EncodeAs(v, e.Vector())
	require.NoError(f.t, err)
	m.InputEncoding = e
}

// setVersionStatus sets the setup status of the iris model's version 1.
func (f *fixture) setVersionStatus(s mrtypes.SetupStatus) {
	v := f.models.Versions[[2]uint64{irisID, 1}]
	v.SetupStatus = s
	f.models.Versions[[2]uint64{irisID, 1}] = v
}

// TestSubmitTaskKeepsVersion checks that a task records the model version it
// was created for, and keeps it when the model gets a new version.
func TestSubmitTaskKeepsVersion(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	first := f.submitTask(poolID, price)
	m := f.models.Models[irisID]
	m.Version = 2
	f.models.Models[irisID] = m
	v := f.models.Versions[[2]uint64{irisID, 1}]
	v.Version = 2
	f.models.Versions[[2]uint64{irisID, 2}] = v
	second := f.submitTask(poolID, price)
	require.Equal(t, uint64(1), f.task(first).ModelVersion)
	require.Equal(t, uint64(2), f.task(second).ModelVersion)
}

func TestCancelTask(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture, taskID uint64)
		signer  func(f *fixture) string
		taskID  uint64
		wantErr string
	}{
		{name: "success - open task refunded", setup: func(*fixture, uint64) {}, signer: func(f *fixture) string { return f.str(f.creator) }},
		{name: "error - not the creator", setup: func(*fixture, uint64) {}, signer: func(f *fixture) string { return f.str(f.other) }, wantErr: "signer may not act on this"},
		{name: "error - unknown task", setup: func(*fixture, uint64) {}, signer: func(f *fixture) string { return f.str(f.creator) }, taskID: 99, wantErr: "task not found"},
		{name: "error - claimed task", setup: func(f *fixture, id uint64) {
			f.readyWorker(f.worker)
			f.claim(f.worker, 1, id)
		}, signer: func(f *fixture) string { return f.str(f.creator) }, wantErr: "only OPEN tasks can be cancelled"},
		{name: "error - already cancelled", setup: func(f *fixture, id uint64) {
			_, err := f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: id})
			require.NoError(f.t, err)
		}, signer: func(f *fixture) string { return f.str(f.creator) }, wantErr: "task 1 is TASK_STATUS_CANCELLED"},
		{
			name: "error - expired task", setup: func(f *fixture, _ uint64) { f.advance(time.Hour) },
			signer: func(f *fixture) string { return f.str(f.creator) }, wantErr: "is TASK_STATUS_EXPIRED",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			id := f.submitTask(poolID, 2500)
			tc.setup(f, id)
			if tc.taskID != 0 {
				id = tc.taskID
			}
			total := f.bank.Total()
			creatorBefore := f.balance(f.creator)
			before := f.snapshot()
			res, err := f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: tc.signer(f), TaskId: id})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			require.Equal(t, coin(2500), res.Refund)
			require.Equal(t, creatorBefore+2500, f.balance(f.creator))
			require.Equal(t, int64(0), f.escrow())
			require.Equal(t, types.TASK_STATUS_CANCELLED, f.task(id).Status)
			require.Equal(t, uint64(0), f.pool(poolID).OpenTasks)
			f.checkInvariants(total)
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskCancelled")
			// A cancelled task can no longer be claimed.
			f.readyWorker(f.worker)
			_, err = f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID})
			require.ErrorContains(t, err, "no claimable task")
		})
	}
}
