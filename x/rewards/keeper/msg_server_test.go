package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func TestBond(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(f *fixture)
		msg    func(f *fixture) *types.MsgBond
		err    string
		bonded int64
	}{
		{
			name: "success - first bond",
			msg: func(f *fixture) *types.MsgBond {
				return &types.MsgBond{Worker: f.str(f.worker), Amount: coin(10_000_000)}
			},
			bonded: 10_000_000,
		},
		{
			name:   "success - a top-up adds to the bond",
			setup:  func(f *fixture) { f.bond(t, f.worker, 4) },
			msg:    func(f *fixture) *types.MsgBond { return &types.MsgBond{Worker: f.str(f.worker), Amount: coin(1)} },
			bonded: 5,
		},
		{
			name: "error - zero amount",
			msg:  func(f *fixture) *types.MsgBond { return &types.MsgBond{Worker: f.str(f.worker), Amount: coin(0)} },
			err:  "amount must be positive",
		},
		{
			name: "error - negative amount",
			msg: func(f *fixture) *types.MsgBond {
				return &types.MsgBond{Worker: f.str(f.worker), Amount: sdk.Coin{Denom: denom, Amount: math.NewInt(-5)}}
			},
			err: "invalid amount",
		},
		{
			name: "error - wrong denom",
			msg: func(f *fixture) *types.MsgBond {
				return &types.MsgBond{Worker: f.str(f.worker), Amount: sdk.NewInt64Coin("stake", 10)}
			},
			err: `amount must be in uhyra, got denom "stake"`,
		},
		{
			name: "error - invalid worker address",
			msg:  func(f *fixture) *types.MsgBond { return &types.MsgBond{Worker: "cosmos1xyz", Amount: coin(10)} },
			err:  "invalid address",
		},
		{
			name: "error - more than the worker has",
			msg: func(f *fixture) *types.MsgBond {
				return &types.MsgBond{Worker: f.str(f.worker), Amount: coin(1_000_000_001)}
			},
			err: "insufficient funds",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			before := f.snapshot(t)
			res, err := f.msgs.Bond(f.ctx, tc.msg(f))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t), "a failed bond changed state")
				return
			}
			require.NoError(t, err)
			require.Equal(t, coin(tc.bonded), res.Bonded)
			bond, err := f.k.Bonds.Get(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, coin(tc.bonded), bond.Bonded)
			require.Equal(t, tc.bonded, f.moduleBalance(types.BondPoolName))
			requireEvent(t, f.ctx, "hyra.rewards.v1.EventBonded")
			f.checkInvariants(t)
		})
	}
}

func TestUnbond(t *testing.T) {
	cases := []struct {
		name      string
		setup     func(f *fixture)
		amount    sdk.Coin
		err       string
		bonded    int64
		unbonding int64
	}{
		{name: "success - part of the bond", amount: coin(4), bonded: 6, unbonding: 4},
		{name: "success - the whole bond", amount: coin(10), bonded: 0, unbonding: 10},
		{
			name:      "success - a second unbonding adds up",
			setup:     func(f *fixture) { f.unbond(t, f.worker, 3) },
			amount:    coin(2),
			bonded:    5,
			unbonding: 5,
		},
		{name: "error - more than bonded", amount: coin(11), err: "cannot unbond 11uhyra: worker"},
		{
			name:   "error - coins already unbonding do not count",
			setup:  func(f *fixture) { f.unbond(t, f.worker, 8) },
			amount: coin(3),
			err:    "has 2uhyra bonded",
		},
		{name: "error - zero amount", amount: coin(0), err: "amount must be positive"},
		{name: "error - wrong denom", amount: sdk.NewInt64Coin("stake", 1), err: "amount must be in uhyra"},
		{
			name: "error - too many unbondings",
			setup: func(f *fixture) {
				f.setParams(t, func(p *types.Params) { p.MaxUnbondingEntries = 1 })
				f.unbond(t, f.worker, 1)
			},
			amount: coin(1),
			err:    "already has 1 unbondings, the limit is 1",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.bond(t, f.worker, 10)
			if tc.setup != nil {
				tc.setup(f)
			}
			before := f.snapshot(t)
			res, err := f.msgs.Unbond(f.ctx, &types.MsgUnbond{Worker: f.str(f.worker), Amount: tc.amount})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t), "a failed unbond changed state")
				return
			}
			require.NoError(t, err)
			require.Equal(t, t0.Add(types.DefaultUnbondingPeriod), res.CompletionTime)
			bond, err := f.k.Bonds.Get(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, coin(tc.bonded), bond.Bonded)
			require.Equal(t, coin(tc.unbonding), bond.Unbonding)
			require.Equal(t, int64(10), f.moduleBalance(types.BondPoolName), "unbonding coins stay in the pool")
			requireEvent(t, f.ctx, "hyra.rewards.v1.EventUnbondingStarted")
			f.checkInvariants(t)
		})
	}
}

func TestUnbondWithoutBond(t *testing.T) {
	f := newFixture(t)
	_, err := f.msgs.Unbond(f.ctx, &types.MsgUnbond{Worker: f.str(f.worker), Amount: coin(1)})
	require.ErrorContains(t, err, "worker "+f.str(f.worker)+" has no bond")
}

func TestFundRewardPool(t *testing.T) {
	cases := []struct {
		name   string
		amount sdk.Coin
		funder func(f *fixture) string
		err    string
	}{
		{name: "success - anyone may fund", amount: coin(123)},
		{name: "error - zero amount", amount: coin(0), err: "amount must be positive"},
		{name: "error - wrong denom", amount: sdk.NewInt64Coin("ibc/ABC", 5), err: "amount must be in uhyra"},
		{name: "error - more than the funder has", amount: coin(1_000_000_001), err: "insufficient funds"},
		{name: "error - invalid funder", amount: coin(1), funder: func(*fixture) string { return "" }, err: "invalid address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			funder := f.str(f.other)
			if tc.funder != nil {
				funder = tc.funder(f)
			}
			before := f.snapshot(t)
			_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: funder, Amount: tc.amount})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.amount.Amount.Int64(), f.moduleBalance(types.RewardPoolName))
			requireEvent(t, f.ctx, "hyra.rewards.v1.EventRewardPoolFunded")
		})
	}
}

func TestUpdateParams(t *testing.T) {
	cases := []struct {
		name      string
		authority func(f *fixture) string
		change    func(p *types.Params)
		err       string
	}{
		{name: "success - governance changes the split", change: func(p *types.Params) { p.WorkerShareBps = 9000 }},
		{name: "success - a short unbonding period", change: func(p *types.Params) { p.UnbondingPeriod = time.Second }},
		{name: "error - not the authority", authority: func(f *fixture) string { return f.str(f.worker) }, err: "invalid authority"},
		{name: "error - worker share over 100%", change: func(p *types.Params) { p.WorkerShareBps = 10_001 }, err: "worker_share_bps must be at most 10000"},
		{name: "error - slash over 100%", change: func(p *types.Params) { p.TimeoutSlashBps = 10_001 }, err: "timeout_slash_bps must be at most 10000"},
		{name: "error - reward pool share over 100%", change: func(p *types.Params) { p.RewardPoolShareBps = 20_000 }, err: "reward_pool_share_bps"},
		{name: "error - epoch reward cap at 100% of the fees", change: func(p *types.Params) { p.EpochRewardCapBps = types.BpsDenominator }, err: "epoch_reward_cap_bps must be below 10000"},
		{name: "success - epoch reward cap just below 100%", change: func(p *types.Params) { p.EpochRewardCapBps = types.BpsDenominator - 1 }},
		{
			name:   "error - shares sum over 100%",
			change: func(p *types.Params) { p.WorkerShareBps, p.ModelOwnerShareBps = 9_000, 1_001 },
			err:    "worker_share_bps + model_owner_share_bps must be at most 10000, got 10001",
		},
		{name: "error - zero unbonding period", change: func(p *types.Params) { p.UnbondingPeriod = 0 }, err: "unbonding_period must be positive"},
		{name: "error - zero epoch length", change: func(p *types.Params) { p.EpochLength = 0 }, err: "epoch_length must be positive"},
		{name: "error - no unbondings per block", change: func(p *types.Params) { p.MaxUnbondingsPerBlock = 0 }, err: "max_unbondings_per_block"},
		{name: "error - no payouts per block", change: func(p *types.Params) { p.MaxPayoutsPerBlock = 0 }, err: "max_payouts_per_block"},
		{name: "error - no unbonding entries", change: func(p *types.Params) { p.MaxUnbondingEntries = 0 }, err: "max_unbonding_entries"},
		{name: "error - negative reputation loss", change: func(p *types.Params) { p.ReputationLoss = -1 }, err: "reputation_loss"},
		{
			name:   "error - a release costing more than a lapse",
			change: func(p *types.Params) { p.ReputationLoss, p.ReleaseReputationLoss = 3, 4 },
			err:    "release_reputation_loss (at most reputation_loss) must be in [0, 3], got 4",
		},
		{name: "error - negative release reputation loss", change: func(p *types.Params) { p.ReleaseReputationLoss = -1 }, err: "release_reputation_loss"},
		{name: "error - invalid min bond", change: func(p *types.Params) { p.MinWorkerBond = sdk.Coin{Denom: "", Amount: math.OneInt()} }, err: "min_worker_bond"},
		{
			name:   "error - the bond denom cannot change",
			change: func(p *types.Params) { p.MinWorkerBond = sdk.NewInt64Coin("stake", 1) },
			err:    "the bond denom cannot change from uhyra to stake",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			params := types.DefaultParams()
			if tc.change != nil {
				tc.change(&params)
			}
			authority := f.authority
			if tc.authority != nil {
				authority = tc.authority(f)
			}
			before := f.snapshot(t)
			_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t))
				return
			}
			require.NoError(t, err)
			got, err := f.k.Params.Get(f.ctx)
			require.NoError(t, err)
			require.Equal(t, params, got)
		})
	}
}
