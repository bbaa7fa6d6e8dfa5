package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestGenesisRoundTrip exports a state with bonds, unbondings, reputation,
// work in progress and a payout half done, imports it into a fresh keeper
// over the same balances, and checks that it exports the same state and
// carries on the same way.
func TestGenesisRoundTrip(t *testing.T) {
	f := newEpochFixture(t, 1_000)
	f.setParams(t, func(p *types.Params) { p.MaxPayoutsPerBlock = 1 })
	f.bond(t, f.worker, 5_000)
	f.bond(t, f.other, 3_000)
	f.unbond(t, f.worker, 1_000)
	f.unbond(t, f.other, 500)
	f.settle(t, f.worker, 10)
	f.settle(t, f.other, 10)
	require.NoError(t, f.k.PenalizeTimeout(f.ctx, 1, f.owner))
	f.toHeight(t, 10)
	f.endBlock(t, time.Second) // epoch 1 ends; one of two workers paid
	f.escrow(t, 1_000)         // work in epoch 2, its shares not sent yet (as if a send had failed)
	_, err := f.k.SettleTask(f.ctx, payer, 1, f.worker, f.owner, coin(1_000))
	require.NoError(t, err)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Bonds, 2)
	require.Len(t, exported.Unbondings, 2)
	require.Len(t, exported.Reputations, 3)
	require.Len(t, exported.PendingPayouts, 1)
	require.Len(t, exported.Work, 2)
	require.Len(t, exported.DeferredShares, 1, "the community pool's part (this fixture's split has no royalty)")
	require.Equal(t, uint64(3), exported.NextUnbondingId)

	k2 := f.newKeeper(f.importKey)
	require.NoError(t, k2.InitGenesis(f.ctx, exported))
	again, err := k2.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	// The imported keeper finishes the payout and the unbondings.
	f.k = k2
	f.endBlock(t, types.DefaultUnbondingPeriod)
	f.endBlock(t, time.Second)
	has, err := k2.PendingPayouts.Has(f.ctx, 1)
	require.NoError(t, err)
	require.False(t, has)
	deferred, err := k2.DeferredBy(f.ctx, payer)
	require.NoError(t, err)
	require.True(t, deferred.IsZero(), "the imported shares were sent")
	u, err := k2.Unbondings.Has(f.ctx, 1)
	require.NoError(t, err)
	require.False(t, u)
	f.checkInvariants(t)
}

func TestInitGenesisChecksPools(t *testing.T) {
	f := newFixture(t)
	gs := types.DefaultGenesis()
	gs.Bonds = []types.Bond{{Worker: f.str(f.worker), Bonded: coin(10), Unbonding: coin(0)}}
	k2 := f.newKeeper(f.importKey)
	require.ErrorContains(t, k2.InitGenesis(f.ctx, gs), "rewards_bonds holds 0uhyra, the genesis state needs 10uhyra")

	gs = types.DefaultGenesis()
	gs.Epoch.Number = 0
	require.ErrorContains(t, k2.InitGenesis(f.ctx, gs), "epoch number must be positive")
}
