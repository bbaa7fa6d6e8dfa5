package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func TestPenalizeTimeout(t *testing.T) {
	cases := []struct {
		name      string
		setup     func(f *fixture)
		bonded    int64 // left bonded
		unbonding []int64
		slashed   int64
		rep       int64
	}{
		{
			name:    "success - 1% of the bond",
			setup:   func(f *fixture) { f.bond(t, f.worker, 10_000_000) },
			bonded:  9_900_000,
			slashed: 100_000,
			rep:     types.DefaultInitialReputation - types.DefaultReputationLoss,
		},
		{
			name: "success - coins still unbonding are slashed too",
			setup: func(f *fixture) {
				f.bond(t, f.worker, 10_000)
				f.unbond(t, f.worker, 3_000)
				f.unbond(t, f.worker, 250)
			},
			bonded:    6_750 - 67,
			unbonding: []int64{3_000 - 30, 250 - 2},
			slashed:   67 + 30 + 2,
			rep:       types.DefaultInitialReputation - types.DefaultReputationLoss,
		},
		{
			name:    "success - a bond too small to lose a whole uhyra loses nothing",
			setup:   func(f *fixture) { f.bond(t, f.worker, 99) },
			bonded:  99,
			slashed: 0,
			rep:     types.DefaultInitialReputation - types.DefaultReputationLoss,
		},
		{
			name: "success - a 100% slash takes everything and deletes the unbondings",
			setup: func(f *fixture) {
				f.setParams(t, func(p *types.Params) { p.TimeoutSlashBps = 10_000 })
				f.bond(t, f.worker, 500)
				f.unbond(t, f.worker, 200)
			},
			bonded:  0,
			slashed: 500,
			rep:     types.DefaultInitialReputation - types.DefaultReputationLoss,
		},
		{
			name:  "success - a worker never seen only loses reputation",
			rep:   types.DefaultInitialReputation - types.DefaultReputationLoss,
			setup: func(*fixture) {},
		},
		{
			name: "success - reputation does not go below zero",
			setup: func(f *fixture) {
				f.setParams(t, func(p *types.Params) { p.InitialReputation, p.ReputationLoss = 3, 5 })
			},
			rep: 0,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			tc.setup(f)
			total := f.total()

			require.NoError(t, f.k.PenalizeTimeout(f.ctx, 7, f.worker))

			require.Equal(t, tc.slashed, f.communityPool())
			require.Equal(t, total, f.total(), "coins were created or lost")
			bond, err := f.k.GetBond(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, tc.bonded, bond.Bonded.Amount.Int64())
			var sum int64
			for _, u := range tc.unbonding {
				sum += u
			}
			require.Equal(t, sum, bond.Unbonding.Amount.Int64())
			res, err := f.queries.Unbondings(f.ctx, &types.QueryUnbondingsRequest{Worker: f.str(f.worker)})
			require.NoError(t, err)
			require.Len(t, res.Unbondings, len(tc.unbonding))
			for i, u := range res.Unbondings {
				require.Equal(t, tc.unbonding[i], u.Amount.Amount.Int64())
			}
			rep, err := f.k.Reputation(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, tc.rep, rep)
			requireEvent(t, f.ctx, "hyra.rewards.v1.EventWorkerSlashed")
			f.checkInvariants(t)
		})
	}
}

// TestSlashedUnbondingReturnsLess checks that an unbonding slashed while in
// flight returns only what is left of it.
func TestSlashedUnbondingReturnsLess(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) { p.UnbondingPeriod = time.Minute; p.TimeoutSlashBps = 1_000 })
	f.bond(t, f.worker, 1_000)
	f.unbond(t, f.worker, 1_000)
	before := f.balance(f.worker)
	require.NoError(t, f.k.PenalizeTimeout(f.ctx, 1, f.worker))
	f.endBlock(t, time.Minute)
	f.endBlock(t, time.Second)
	require.Equal(t, before+900, f.balance(f.worker))
	has, err := f.k.Bonds.Has(f.ctx, f.worker)
	require.NoError(t, err)
	require.False(t, has, "an emptied bond is deleted")
	f.checkInvariants(t)
}

func TestPenalizeTimeoutErrors(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(f *fixture)
		worker func(f *fixture) sdk.AccAddress
		err    string
	}{
		{name: "error - empty worker", worker: func(*fixture) sdk.AccAddress { return nil }, err: "worker is empty"},
		{
			// The unbonding entries are cut, then the transfer fails: nothing stays.
			name: "error - the community pool transfer fails",
			setup: func(f *fixture) {
				f.bond(t, f.worker, 10_000)
				f.unbond(t, f.worker, 5_000)
				f.bank.Modules["distribution"] = false
			},
			err: "sending 100uhyra slashed to the community pool",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			worker := f.worker
			if tc.worker != nil {
				worker = tc.worker(f)
			}
			before := f.snapshot(t)
			err := f.k.PenalizeTimeout(f.ctx, 3, worker)
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, before, f.snapshot(t), "a failed penalty changed state")
		})
	}
}

// TestPenalizeRelease checks that giving a claim back costs
// release_reputation_loss, never below zero, and no bond, so it is always
// cheaper than a lapse.
func TestPenalizeRelease(t *testing.T) {
	f := newFixture(t)
	f.bond(t, f.worker, 10_000_000)
	bondBefore, err := f.k.GetBond(f.ctx, f.worker)
	require.NoError(t, err)

	rep, err := f.k.PenalizeRelease(f.ctx, f.worker)
	require.NoError(t, err)
	require.Equal(t, int64(types.DefaultInitialReputation-types.DefaultReleaseReputationLoss), rep)
	bond, err := f.k.GetBond(f.ctx, f.worker)
	require.NoError(t, err)
	require.Equal(t, bondBefore, bond, "a release slashes nothing")
	require.Less(t, int64(types.DefaultReleaseReputationLoss), int64(types.DefaultReputationLoss))

	require.NoError(t, f.k.Reputations.Set(f.ctx, f.worker, 1))
	rep, err = f.k.PenalizeRelease(f.ctx, f.worker)
	require.NoError(t, err)
	require.Zero(t, rep, "reputation never goes below zero")
}

func TestReputation(t *testing.T) {
	f := newFixture(t)
	rep, err := f.k.Reputation(f.ctx, f.worker)
	require.NoError(t, err)
	require.Equal(t, int64(types.DefaultInitialReputation), rep, "a worker never seen has the initial reputation")

	f.settle(t, f.worker, 100)
	f.settle(t, f.worker, 100)
	require.NoError(t, f.k.PenalizeTimeout(f.ctx, 1, f.worker))
	rep, err = f.k.Reputation(f.ctx, f.worker)
	require.NoError(t, err)
	require.Equal(t, int64(types.DefaultInitialReputation+2*types.DefaultReputationGain-types.DefaultReputationLoss), rep)

	// Reputation saturates instead of overflowing.
	require.NoError(t, f.k.Reputations.Set(f.ctx, f.other, 1<<63-1))
	f.settle(t, f.other, 100)
	rep, err = f.k.Reputation(f.ctx, f.other)
	require.NoError(t, err)
	require.Equal(t, int64(1<<63-1), rep)

	_, err = f.k.Reputation(f.ctx, nil)
	require.ErrorContains(t, err, "worker is empty")
}
