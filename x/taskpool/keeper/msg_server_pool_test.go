package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestCreateTaskPool(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(f *fixture, m *types.MsgCreateTaskPool)
		wantErr string
	}{
		{name: "success - iris pool", mutate: func(*fixture, *types.MsgCreateTaskPool) {}},
		{name: "success - negative min reputation", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.MinReputation = -10 }},
		{name: "error - bad creator", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.Creator = "cosmos1xyz" }, wantErr: "invalid address"},
		{name: "error - empty name", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.Name = "  " }, wantErr: "name is empty"},
		{name: "error - long name", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.Name = string(make([]byte, 65)) }, wantErr: "the limit is 64"},
		{name: "error - unknown model", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.ModelId = 9 }, wantErr: "model not found"},
		{name: "error - inactive model", mutate: func(f *fixture, _ *types.MsgCreateTaskPool) {
			m := f.models.Models[irisID]
			m.Active = false
			f.models.Models[irisID] = m
		}, wantErr: "model is not active"},
		{name: "error - claim timeout too short", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.ClaimTimeout = time.Second }, wantErr: "invalid claim timeout"},
		{name: "error - claim timeout too long", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.ClaimTimeout = 25 * time.Hour }, wantErr: "must be in [10s, 24h0m0s]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := &types.MsgCreateTaskPool{Creator: f.str(f.creator), Name: "iris-fast", ModelId: irisID, ClaimTimeout: 2 * time.Minute}
			tc.mutate(f, msg)
			before := f.snapshot()
			res, err := f.msgs.CreateTaskPool(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			p := f.pool(res.PoolId)
			require.Equal(t, uint64(1), p.Id)
			require.True(t, p.Active)
			require.Equal(t, msg.ClaimTimeout, p.ClaimTimeout)
			require.Equal(t, msg.MinReputation, p.MinReputation)
			require.Equal(t, f.str(f.creator), p.Creator)
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventPoolCreated")
		})
	}
}

func TestSetPoolActive(t *testing.T) {
	tests := []struct {
		name    string
		signer  func(f *fixture) string
		active  bool
		wantErr string
	}{
		{name: "success - close", signer: func(f *fixture) string { return f.str(f.creator) }, active: false},
		{name: "error - not the creator", signer: func(f *fixture) string { return f.str(f.other) }, active: false, wantErr: "signer may not act on this"},
		{name: "error - no change", signer: func(f *fixture) string { return f.str(f.creator) }, active: true, wantErr: "nothing to change"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.createPool()
			before := f.snapshot()
			_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: tc.signer(f), PoolId: id, Active: tc.active})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.active, f.pool(id).Active)
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventPoolActiveSet")
		})
	}
	t.Run("error - unknown pool", func(t *testing.T) {
		f := newFixture(t)
		_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.creator), PoolId: 4})
		require.ErrorContains(t, err, "pool not found")
	})
}
