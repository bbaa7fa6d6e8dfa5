package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestDefaultParamsAreValid(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, "10000000uhyra", p.PoolCreationFee.String(), "a pool costs 10 HYRA")
}

func TestMaxBlockGapBelowMinClaimTimeout(t *testing.T) {
	tests := []struct {
		name    string
		gap     time.Duration
		wantErr string
	}{
		{name: "success - default", gap: types.DefaultMaxBlockGap},
		{name: "success - just below min_claim_timeout", gap: types.DefaultMinClaimTimeout - time.Nanosecond},
		{name: "error - zero", gap: 0, wantErr: "max_block_gap must be at least 1s"},
		{name: "error - equal to min_claim_timeout", gap: types.DefaultMinClaimTimeout, wantErr: "below min_claim_timeout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			p.MaxBlockGap = tc.gap
			if tc.wantErr == "" {
				require.NoError(t, p.Validate())
				return
			}
			require.ErrorContains(t, p.Validate(), tc.wantErr)
		})
	}
}

func TestPrivateParams(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(*types.Params)
		wantErr string
	}{
		{name: "success - defaults", mutate: func(*types.Params) {}},
		{name: "success - window up to max_claim_timeout", mutate: func(p *types.Params) { p.PrivateInputWindow = p.MaxClaimTimeout }},
		{name: "error - no input window", mutate: func(p *types.Params) { p.PrivateInputWindow = 0 }, wantErr: "private_input_window must be in [1s"},
		{name: "error - window beyond max_claim_timeout", mutate: func(p *types.Params) { p.PrivateInputWindow = p.MaxClaimTimeout + 1 }, wantErr: "private_input_window"},
		{name: "error - no rejections allowed", mutate: func(p *types.Params) { p.MaxInputRejections = 0 }, wantErr: "max_input_rejections must be in [1, 100]"},
		{name: "error - too many rejections", mutate: func(p *types.Params) { p.MaxInputRejections = 101 }, wantErr: "max_input_rejections"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			if tc.wantErr == "" {
				require.NoError(t, p.Validate())
				return
			}
			require.ErrorContains(t, p.Validate(), tc.wantErr)
		})
	}
}
