package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func TestSettleTask(t *testing.T) {
	type parts struct{ worker, owner, community, pool int64 }
	cases := []struct {
		name   string
		setup  func(f *fixture)
		escrow int64
		owner  func(f *fixture) sdk.AccAddress
		want   parts
	}{
		// 85% / 10% / 5% fee, half of the fee to the reward pool.
		{name: "success - default split", escrow: 1_000_000, want: parts{850_000, 100_000, 25_000, 25_000}},
		{name: "success - 1 uhyra all goes to the community pool", escrow: 1, want: parts{0, 0, 1, 0}},
		{name: "success - 7 uhyra", escrow: 7, want: parts{5, 0, 1, 1}},
		{
			name: "success - odd split floors the worker and owner shares",
			setup: func(f *fixture) {
				f.setParams(t, func(p *types.Params) { p.WorkerShareBps, p.ModelOwnerShareBps = 3333, 3333 })
			},
			escrow: 999, // 332.97 / 332.97 / fee 334 -> pool 167
			want:   parts{332, 332, 168, 167},
		},
		{
			name: "success - the whole escrow to the worker",
			setup: func(f *fixture) {
				f.setParams(t, func(p *types.Params) { p.WorkerShareBps, p.ModelOwnerShareBps = 10_000, 0 })
			},
			escrow: 12_345,
			want:   parts{12_345, 0, 0, 0},
		},
		{
			name:   "success - the whole fee to the reward pool",
			setup:  func(f *fixture) { f.setParams(t, func(p *types.Params) { p.RewardPoolShareBps = 10_000 }) },
			escrow: 100,
			want:   parts{85, 10, 0, 5},
		},
		{
			name:   "success - a blocked model owner's royalty goes to the fee",
			owner:  func(*fixture) sdk.AccAddress { return authtypes.NewModuleAddress(types.RewardPoolName) },
			escrow: 1000,
			want:   parts{850, 0, 75, 75},
		},
		{
			name:   "success - no model owner",
			owner:  func(*fixture) sdk.AccAddress { return nil },
			escrow: 1000,
			want:   parts{850, 0, 75, 75},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			owner := f.owner
			if tc.owner != nil {
				owner = tc.owner(f)
			}
			f.escrow(t, tc.escrow)
			total := f.total()
			workerBefore, ownerBefore := f.balance(f.worker), f.balance(owner)

			share, err := f.k.SettleTask(f.ctx, payer, 42, f.worker, owner, coin(tc.escrow))
			require.NoError(t, err)
			f.sendDeferred(t)
			require.Equal(t, coin(tc.want.worker).String(), share.String())
			require.Equal(t, tc.escrow, tc.want.worker+tc.want.owner+tc.want.community+tc.want.pool, "test case parts must sum to the escrow")
			require.Equal(t, tc.want.worker, f.balance(f.worker)-workerBefore)
			if len(owner) > 0 && !f.bank.Blocked[string(owner)] {
				require.Equal(t, tc.want.owner, f.balance(owner)-ownerBefore)
			}
			require.Equal(t, tc.want.community, f.communityPool())
			require.Equal(t, tc.want.pool, f.moduleBalance(types.RewardPoolName))
			require.Equal(t, int64(0), f.moduleBalance(payer), "the whole escrow is paid out")
			require.Equal(t, total, f.total(), "coins were created or lost")

			rep, err := f.k.Reputation(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, int64(types.DefaultInitialReputation+types.DefaultReputationGain), rep)
			// The task's epoch work is the protocol fee it paid; no fee, no work.
			fee := uint64(tc.want.community + tc.want.pool)
			workers := uint64(0)
			if fee > 0 {
				workers = 1
			}
			epoch, err := f.k.Epoch.Get(f.ctx)
			require.NoError(t, err)
			require.Equal(t, types.EpochState{Number: 1, StartHeight: 1, TotalWork: fee, Workers: workers}, epoch)
			requireEvent(t, f.ctx, "hyra.rewards.v1.EventTaskSettled")
		})
	}
}

// TestSettleTaskOtherDenom checks that an escrow in a denom other than the
// bond denom pays its whole fee to the community pool, so that the reward
// pool holds only the bond denom, and counts as no epoch work.
func TestSettleTaskOtherDenom(t *testing.T) {
	f := newFixture(t)
	escrow := sdk.NewInt64Coin("ibc/USDC", 1000)
	f.bank.Set(f.ctx, authtypes.NewModuleAddress(payer), escrow)
	share, err := f.k.SettleTask(f.ctx, payer, 1, f.worker, f.owner, escrow)
	require.NoError(t, err)
	f.sendDeferred(t)
	require.Equal(t, "850ibc/USDC", share.String())
	require.Equal(t, "100ibc/USDC", f.bank.GetBalance(f.ctx, f.owner, "ibc/USDC").String())
	require.Equal(t, "50ibc/USDC", f.bank.GetBalance(f.ctx, authtypes.NewModuleAddress(distrtypes.ModuleName), "ibc/USDC").String())
	require.True(t, f.bank.GetBalance(f.ctx, authtypes.NewModuleAddress(types.RewardPoolName), "ibc/USDC").IsZero())
	epoch, err := f.k.Epoch.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, types.EpochState{Number: 1, StartHeight: 1}, epoch)
	require.Zero(t, f.workEntries(t))
}

func TestSettleTaskErrors(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(f *fixture)
		payer  string
		worker func(f *fixture) sdk.AccAddress
		escrow sdk.Coin
		err    string
	}{
		{name: "error - zero escrow", escrow: coin(0), err: "escrow of task 9 must be positive"},
		{name: "error - invalid escrow denom", escrow: sdk.Coin{Denom: "!", Amount: coin(1).Amount}, err: "invalid escrow"},
		{name: "error - unknown payer module", payer: "nope", escrow: coin(10), err: `no module account "nope"`},
		{name: "error - the bond pool pays no escrow", payer: types.BondPoolName, escrow: coin(10), err: "rewards_bonds holds no escrow"},
		{name: "error - empty worker", worker: func(*fixture) sdk.AccAddress { return nil }, escrow: coin(10), err: "worker is empty"},
		{name: "error - escrow larger than the payer holds", escrow: coin(1_001), err: "insufficient funds"},
		{
			// The worker share is paid, then the rest cannot be deferred: nothing stays.
			name: "error - the payer cannot cover the deferred shares",
			setup: func(f *fixture) {
				require.NoError(t, f.k.DeferredTotals.Set(f.ctx, collections.Join(payer, denom), math.NewInt(900)))
			},
			escrow: coin(1000),
			err:    "less than the 1050" + denom + " deferred from it",
		},
		{
			name:   "error - a blocked worker cannot be paid",
			worker: func(*fixture) sdk.AccAddress { return authtypes.NewModuleAddress(distrtypes.ModuleName) },
			escrow: coin(1000),
			err:    "not allowed to receive funds",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.escrow(t, 1000)
			if tc.setup != nil {
				tc.setup(f)
			}
			p := payer
			if tc.payer != "" {
				p = tc.payer
			}
			worker := f.worker
			if tc.worker != nil {
				worker = tc.worker(f)
			}
			before := f.snapshot(t)
			// As in a message, which the SDK runs on a branch it drops when the message fails.
			branch, _ := f.ctx.CacheContext()
			_, err := f.k.SettleTask(branch, p, 9, worker, f.owner, tc.escrow)
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, before, f.snapshot(t), "a failed settlement changed state")
		})
	}
}
