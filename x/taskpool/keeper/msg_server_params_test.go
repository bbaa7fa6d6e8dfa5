package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestUpdateParams(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(p *types.Params)
		signer  func(f *fixture) string
		wantErr string
	}{
		{name: "success - raise max active tasks", mutate: func(p *types.Params) { p.MaxActiveTasks = 3 }, signer: func(f *fixture) string { return f.authority }},
		{name: "error - not the authority", mutate: func(*types.Params) {}, signer: func(f *fixture) string { return f.str(f.creator) }, wantErr: "invalid authority"},
		{name: "error - zero max active tasks", mutate: func(p *types.Params) { p.MaxActiveTasks = 0 }, signer: func(f *fixture) string { return f.authority }, wantErr: "max_active_tasks must be in [1, 100]"},
		{name: "error - ttl bounds reversed", mutate: func(p *types.Params) { p.MaxTaskTtl = p.MinTaskTtl / 2 }, signer: func(f *fixture) string { return f.authority }, wantErr: "is below min_task_ttl"},
		{name: "error - zero claim timeout", mutate: func(p *types.Params) { p.MinClaimTimeout = 0 }, signer: func(f *fixture) string { return f.authority }, wantErr: "min_claim_timeout must be at least 1s"},
		{name: "error - zero expiration cap", mutate: func(p *types.Params) { p.MaxExpirationsPerBlock = 0 }, signer: func(f *fixture) string { return f.authority }, wantErr: "max_expirations_per_block"},
		{name: "error - zero name length", mutate: func(p *types.Params) { p.MaxPoolNameLength = 0 }, signer: func(f *fixture) string { return f.authority }, wantErr: "max_pool_name_length"},
		{name: "error - claims as long as unbonding", mutate: func(p *types.Params) { p.MaxClaimTimeout = 7 * 24 * time.Hour }, signer: func(f *fixture) string { return f.authority }, wantErr: "unbonding_period (168h0m0s, x/rewards) must exceed max_claim_timeout (168h0m0s, x/taskpool)"},
		{name: "success - free pool creation", mutate: func(p *types.Params) { p.PoolCreationFee = nil }, signer: func(f *fixture) string { return f.authority }},
		{name: "error - zero coin in the pool creation fee", mutate: func(p *types.Params) {
			p.PoolCreationFee = sdk.Coins{sdk.Coin{Denom: "uhyra", Amount: math.ZeroInt()}}
		}, signer: func(f *fixture) string { return f.authority }, wantErr: "pool_creation_fee"},
		{name: "error - unsorted pool creation fee", mutate: func(p *types.Params) {
			p.PoolCreationFee = sdk.Coins{sdk.NewInt64Coin("uhyra", 1), sdk.NewInt64Coin("uatom", 1)}
		}, signer: func(f *fixture) string { return f.authority }, wantErr: "pool_creation_fee"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			p := types.DefaultParams()
			tc.mutate(&p)
			before := f.snapshot()
			_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: tc.signer(f), Params: p})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			got, err := f.k.Params.Get(f.ctx)
			require.NoError(t, err)
			require.Equal(t, p, got)
		})
	}
}
