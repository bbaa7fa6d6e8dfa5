package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestRegisterWorker(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture)
		signer  func(f *fixture) string
		wantErr string
	}{
		{name: "success - new worker", setup: func(*fixture) {}, signer: func(f *fixture) string { return f.str(f.worker) }},
		{name: "success - reactivation keeps the record", setup: func(f *fixture) {
			require.NoError(f.t, f.k.RegisterWorker(f.ctx, f.worker))
			require.NoError(f.t, f.k.Workers.Set(f.ctx, f.worker, types.Worker{Address: f.str(f.worker), TotalTasks: 3}))
		}, signer: func(f *fixture) string { return f.str(f.worker) }},
		{name: "error - already active", setup: func(f *fixture) {
			require.NoError(f.t, f.k.RegisterWorker(f.ctx, f.worker))
		}, signer: func(f *fixture) string { return f.str(f.worker) }, wantErr: "already registered and active"},
		{name: "error - bad address", setup: func(*fixture) {}, signer: func(*fixture) string { return "nope" }, wantErr: "invalid address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			tc.setup(f)
			before := f.snapshot()
			_, err := f.msgs.RegisterWorker(f.ctx, &types.MsgRegisterWorker{Worker: tc.signer(f)})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			rec := f.workerRec(f.worker)
			require.True(t, rec.Active)
			require.Equal(t, f.str(f.worker), rec.Address)
			if before.state.Workers != nil {
				require.Equal(t, before.state.Workers[0].TotalTasks, rec.TotalTasks)
			}
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventWorkerRegistered")
		})
	}
}

func TestDeactivateWorker(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture)
		wantErr string
	}{
		{name: "success - active worker", setup: func(f *fixture) { f.readyWorker(f.worker) }},
		{name: "error - unregistered", setup: func(*fixture) {}, wantErr: "worker is not registered"},
		{name: "error - already inactive", setup: func(f *fixture) {
			f.readyWorker(f.worker)
			require.NoError(f.t, f.k.DeactivateWorker(f.ctx, f.worker))
		}, wantErr: "already inactive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			tc.setup(f)
			before := f.snapshot()
			_, err := f.msgs.DeactivateWorker(f.ctx, &types.MsgDeactivateWorker{Worker: f.str(f.worker)})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			require.False(t, f.workerRec(f.worker).Active)
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventWorkerDeactivated")
		})
	}
}
