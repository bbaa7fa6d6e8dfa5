package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestCreateTaskPool(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(f *fixture, m *types.MsgCreateTaskPool)
		wantFee sdk.Coins // nil: the default 10 HYRA
		wantErr string
	}{
		{name: "success - iris pool", mutate: func(*fixture, *types.MsgCreateTaskPool) {}},
		{name: "success - negative min reputation", mutate: func(_ *fixture, m *types.MsgCreateTaskPool) { m.MinReputation = -10 }},
		{name: "success - no fee when the param is empty", mutate: func(f *fixture, _ *types.MsgCreateTaskPool) {
			f.setPoolCreationFee(nil)
		}, wantFee: sdk.NewCoins()},
		{name: "success - a fee in two denoms", mutate: func(f *fixture, _ *types.MsgCreateTaskPool) {
			f.setPoolCreationFee(sdk.NewCoins(coin(5), sdk.NewInt64Coin("uatom", 7)))
		}, wantFee: sdk.NewCoins(coin(5), sdk.NewInt64Coin("uatom", 7))},
		{name: "error - creator cannot pay the fee", mutate: func(f *fixture, m *types.MsgCreateTaskPool) {
			model := f.models.Models[irisID]
			model.Owner = f.str(f.worker)
			f.models.Models[irisID] = model
			m.Creator = f.str(f.worker)
		}, wantErr: "paying the pool creation fee of 10000000uhyra"},
		{name: "error - not the model's owner", mutate: func(f *fixture, m *types.MsgCreateTaskPool) {
			m.Creator, m.MinReputation = f.str(f.creator), 1<<62
		}, wantErr: "only the owner of model 1"},
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
			msg := &types.MsgCreateTaskPool{Creator: f.str(f.owner), Name: "iris-fast", ModelId: irisID, ClaimTimeout: 2 * time.Minute}
			tc.mutate(f, msg)
			before := f.snapshot()
			creatorBefore, poolBefore := f.bank.Balances[string(f.owner)], f.bank.Balances[string(f.distr.Pool)]
			res, err := f.msgs.CreateTaskPool(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			fee := tc.wantFee
			if fee == nil {
				fee = sdk.NewCoins(coin(types.DefaultPoolCreationFee))
			}
			require.Equal(t, creatorBefore.Sub(fee...).String(), f.bank.Balances[string(f.owner)].String(), "the creator pays the fee")
			require.Equal(t, poolBefore.Add(fee...).String(), f.bank.Balances[string(f.distr.Pool)].String(), "the community pool gets it")
			p := f.pool(res.PoolId)
			require.Equal(t, uint64(1), p.Id)
			require.True(t, p.Active)
			require.Equal(t, msg.ClaimTimeout, p.ClaimTimeout)
			require.Equal(t, msg.MinReputation, p.MinReputation)
			require.Equal(t, f.str(f.owner), p.Creator)
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
		{name: "success - close", signer: func(f *fixture) string { return f.str(f.owner) }, active: false},
		{name: "error - not the creator", signer: func(f *fixture) string { return f.str(f.other) }, active: false, wantErr: "signer may not act on this"},
		{name: "error - no change", signer: func(f *fixture) string { return f.str(f.owner) }, active: true, wantErr: "nothing to change"},
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
		_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: 4})
		require.ErrorContains(t, err, "pool not found")
	})
}

// TestCreatePoolChargesNoFee checks that the keeper method x/router opens a
// model's first pool with charges no pool creation fee: the client whose
// routed task opens the pool pays only its task.
func TestCreatePoolChargesNoFee(t *testing.T) {
	f := newFixture(t)
	total := f.bank.Total()
	id, err := f.k.CreatePool(f.ctx, f.worker, "model-1", irisID, time.Minute, 0)
	require.NoError(t, err)
	require.Equal(t, f.str(f.worker), f.pool(id).Creator)
	require.Empty(t, f.bank.Balances[string(f.distr.Pool)], "no fee reached the community pool")
	f.checkInvariants(total)
}

// setPoolCreationFee sets the pool_creation_fee param.
func (f *fixture) setPoolCreationFee(fee sdk.Coins) {
	f.t.Helper()
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(f.t, err)
	p.PoolCreationFee = fee
	require.NoError(f.t, p.Validate())
	require.NoError(f.t, f.k.Params.Set(f.ctx, p))
}
