package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestDeferredSharesSentAtEndBlock: settlements pay their workers at once
// and leave the other shares in the payer's account, summed, until the end
// of the block; then every balance is what paying each settlement at once
// leaves (a twin fixture does that), with one send per payer, denom and
// recipient instead of three per settlement.
func TestDeferredSharesSentAtEndBlock(t *testing.T) {
	deferred, atOnce := newFixture(t), newFixture(t)
	settlements := []struct {
		worker, owner sdk.AccAddress
		escrow        int64
	}{
		{deferred.worker, deferred.owner, 1_000_000},
		{deferred.other, deferred.owner, 999},
		{deferred.worker, deferred.other, 70},
	}
	workerBefore := deferred.balance(deferred.worker)
	ownerBefore, communityBefore := deferred.balance(deferred.owner), deferred.communityPool()
	for _, s := range settlements {
		for _, f := range []*fixture{deferred, atOnce} {
			f.escrow(t, s.escrow)
			_, err := f.k.SettleTask(f.ctx, payer, 1, s.worker, s.owner, coin(s.escrow))
			require.NoError(t, err)
		}
		atOnce.sendDeferred(t)
	}

	require.Equal(t, atOnce.balance(deferred.worker), deferred.balance(deferred.worker), "workers are paid at once")
	require.Greater(t, deferred.balance(deferred.worker), workerBefore)
	require.Equal(t, ownerBefore-1_000_000-999-70, deferred.balance(deferred.owner), "the owner paid the escrows; its royalty waits for the end of the block")
	require.Equal(t, communityBefore, deferred.communityPool())
	held, err := deferred.k.DeferredBy(deferred.ctx, payer)
	require.NoError(t, err)
	require.Equal(t, held.AmountOf(denom).Int64(), deferred.moduleBalance(payer), "the payer holds exactly the deferred shares")

	shares, err := deferred.k.ExportGenesis(deferred.ctx)
	require.NoError(t, err)
	require.Len(t, shares.DeferredShares, 4, "two owners, the reward pool and the community pool")
	require.NoError(t, deferred.k.EndBlocker(deferred.ctx))
	require.Equal(t, atOnce.bank.Dump(atOnce.ctx), deferred.bank.Dump(deferred.ctx), "balances differ from paying at once")
	require.Equal(t, int64(0), deferred.moduleBalance(payer))
	held, err = deferred.k.DeferredBy(deferred.ctx, payer)
	require.NoError(t, err)
	require.True(t, held.IsZero())
	deferred.checkInvariants(t)
}

// TestDeferredShareThatCannotBeSentIsKept: a deferred share whose send fails
// at the end of the block stays deferred, in the payer's account, while the
// others are sent; it is sent at the first end of block that can.
func TestDeferredShareThatCannotBeSentIsKept(t *testing.T) {
	f := newFixture(t)
	total := f.total()
	f.escrow(t, 1_000)
	_, err := f.k.SettleTask(f.ctx, payer, 1, f.worker, f.owner, coin(1_000))
	require.NoError(t, err)
	ownerBefore := f.balance(f.owner)

	f.bank.FailTo[string(f.owner)] = true
	require.NoError(t, f.k.EndBlocker(f.ctx))
	require.Equal(t, int64(25), f.moduleBalance(types.RewardPoolName), "the other shares were sent")
	require.Equal(t, int64(100), f.moduleBalance(payer), "the royalty stays with the payer")
	held, err := f.k.DeferredBy(f.ctx, payer)
	require.NoError(t, err)
	require.Equal(t, sdk.NewCoins(coin(100)), held)
	require.Equal(t, total, f.total())

	delete(f.bank.FailTo, string(f.owner))
	require.NoError(t, f.k.EndBlocker(f.ctx))
	require.Equal(t, int64(100), f.balance(f.owner)-ownerBefore)
	require.Equal(t, int64(0), f.bank.GetBalance(f.ctx, authtypes.NewModuleAddress(payer), denom).Amount.Int64())
	require.Equal(t, total, f.total())
}
