package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/rewards/keeper"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestMigrate1to2MovesDeferredShares: deferred shares a version-1 store
// kept (one entry per recipient, the community pool's included, no totals)
// are, after the migration, the same shares in version 2's layout: genesis
// export lists them as before, the payer's total covers them, the community
// pool's entry is gone, and the end of the block sends them all.
func TestMigrate1to2MovesDeferredShares(t *testing.T) {
	f := newFixture(t)
	f.escrow(t, 1_000)
	_, err := f.k.SettleTask(f.ctx, payer, 1, f.worker, f.owner, coin(1_000))
	require.NoError(t, err)
	want, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, want.DeferredShares, 3, "the owner, the reward pool and the community pool")

	for _, s := range want.DeferredShares { // version 1's layout
		require.NoError(t, f.k.DeferredShares.Set(f.ctx, collections.Join3(s.PayerModule, s.Amount.Denom, s.Recipient), s.Amount.Amount))
	}
	require.NoError(t, f.k.DeferredTotals.Remove(f.ctx, collections.Join(payer, denom)))

	require.NoError(t, keeper.NewMigrator(f.k).Migrate1to2(f.ctx))
	got, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Equal(t, want.DeferredShares, got.DeferredShares)
	has, err := f.k.DeferredShares.Has(f.ctx, collections.Join3(payer, denom, types.CommunityPoolRecipient))
	require.NoError(t, err)
	require.False(t, has, "the community pool's share is held by the total alone")
	held, err := f.k.DeferredBy(f.ctx, payer)
	require.NoError(t, err)
	require.Equal(t, f.moduleBalance(payer), held.AmountOf(denom).Int64())

	require.NoError(t, f.k.EndBlocker(f.ctx))
	require.Equal(t, int64(0), f.moduleBalance(payer))
	f.checkInvariants(t)
}
