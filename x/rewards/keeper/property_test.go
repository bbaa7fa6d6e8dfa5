package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestSplitEscrowProperties checks, for any escrow and any valid shares, that
// the parts sum to the escrow, none is negative, the worker and owner shares
// are the floors of their basis points, and the reward pool part is the floor
// of its share of the fee.
func TestSplitEscrowProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		escrow := math.NewIntFromUint64(rapid.Uint64().Draw(rt, "escrow"))
		escrow = escrow.Mul(math.NewIntFromUint64(rapid.Uint64Range(1, 1<<40).Draw(rt, "scale")))
		workerBps := rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "worker_bps")
		ownerBps := rapid.Uint32Range(0, types.BpsDenominator-workerBps).Draw(rt, "owner_bps")
		poolBps := rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "pool_bps")

		s, err := types.SplitEscrow(escrow, workerBps, ownerBps, poolBps)
		require.NoError(rt, err)
		require.True(rt, s.Total().Equal(escrow), "parts %v do not sum to %s", s, escrow)
		for _, part := range []math.Int{s.Worker, s.ModelOwner, s.CommunityPool, s.RewardPool} {
			require.False(rt, part.IsNegative())
		}
		bps := func(x math.Int, b uint32) math.Int {
			return x.Mul(math.NewInt(int64(b))).Quo(math.NewInt(types.BpsDenominator))
		}
		require.True(rt, s.Worker.Equal(bps(escrow, workerBps)))
		require.True(rt, s.ModelOwner.Equal(bps(escrow, ownerBps)))
		fee := escrow.Sub(s.Worker).Sub(s.ModelOwner)
		require.True(rt, s.RewardPool.Equal(bps(fee, poolBps)))
	})
}

func TestSplitEscrowErrors(t *testing.T) {
	_, err := types.SplitEscrow(math.NewInt(-1), 1, 1, 1)
	require.ErrorContains(t, err, "escrow must be non-negative")
	_, err = types.SplitEscrow(math.NewInt(10), 6000, 4001, 0)
	require.ErrorContains(t, err, "exceed 100%")
	// 10^76 fits in an Int's 256 bits; times 10000 it does not.
	_, err = types.MulBps(math.NewIntWithDecimal(1, 76), 10_000)
	require.ErrorContains(t, err, "arithmetic overflow")
	_, err = types.ProRata(math.NewIntWithDecimal(1, 76), 1<<62, 1)
	require.ErrorContains(t, err, "arithmetic overflow")
	share, err := types.ProRata(math.NewInt(10), 1, 0)
	require.NoError(t, err)
	require.True(t, share.IsZero(), "no work, no share")
}

// TestEconomyProperties drives random bonds, unbonds, fundings, settlements,
// timeouts, parameter changes and blocks, and checks after every step that no
// coin was created or lost, that the bond pool holds exactly the bonds, that
// the reward pool can pay what it owes, and that the state is a valid genesis
// (so a worker's epoch work adds up to the epoch's); and after each settlement
// that the worker's epoch work grew by exactly the protocol fee paid.
func TestEconomyProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		f := newFixture(t)
		f.setParams(t, func(p *types.Params) {
			p.MinWorkerBond = coin(100)
			p.UnbondingPeriod = 24 * time.Hour
			p.EpochLength = 3
			p.MaxUnbondingsPerBlock = 2
			p.MaxPayoutsPerBlock = 1
			p.MaxUnbondingEntries = 3
		})
		workers := []sdk.AccAddress{f.worker, f.other, testaddr.Filled(4)}
		total := f.total()
		escrowed := math.ZeroInt()
		pick := func() sdk.AccAddress { return rapid.SampledFrom(workers).Draw(rt, "worker") }
		amount := func() sdk.Coin { return coin(rapid.Int64Range(0, 3_000).Draw(rt, "amount")) }

		rt.Repeat(map[string]func(*rapid.T){
			"bond": func(rt *rapid.T) {
				_, _ = f.msgs.Bond(f.ctx, &types.MsgBond{Worker: f.str(pick()), Amount: amount()})
			},
			"unbond": func(rt *rapid.T) {
				_, _ = f.msgs.Unbond(f.ctx, &types.MsgUnbond{Worker: f.str(pick()), Amount: amount()})
			},
			"fund": func(rt *rapid.T) {
				_, _ = f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: amount()})
			},
			"settle": func(rt *rapid.T) {
				escrow := amount()
				if escrow.IsPositive() {
					require.NoError(rt, f.bank.SendCoinsFromAccountToModule(f.ctx, f.owner, payer, sdk.NewCoins(escrow)))
					escrowed = escrowed.Add(escrow.Amount)
				}
				worker := pick()
				workBefore, totalBefore := f.epochWork(rt, worker)
				feeBefore := f.communityPool() + f.moduleBalance(types.RewardPoolName)
				share, err := f.k.SettleTask(f.ctx, payer, 1, worker, f.owner, escrow)
				f.sendDeferred(rt)
				if escrow.IsPositive() {
					require.NoError(rt, err)
					require.True(rt, share.Amount.LTE(escrow.Amount))
					escrowed = escrowed.Sub(escrow.Amount)
				} else {
					require.Error(rt, err)
				}
				// A settlement's epoch work is exactly the protocol fee it paid.
				fee := uint64(f.communityPool() + f.moduleBalance(types.RewardPoolName) - feeBefore)
				workAfter, totalAfter := f.epochWork(rt, worker)
				require.Equal(rt, fee, workAfter-workBefore, "work is not the fee paid")
				require.Equal(rt, fee, totalAfter-totalBefore, "epoch total is not the fees paid")
			},
			"timeout": func(rt *rapid.T) {
				require.NoError(rt, f.k.PenalizeTimeout(f.ctx, 1, pick()))
			},
			"params": func(rt *rapid.T) {
				p, err := f.k.Params.Get(f.ctx)
				require.NoError(rt, err)
				p.TimeoutSlashBps = rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "slash_bps")
				p.WorkerShareBps = rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "worker_bps")
				p.ModelOwnerShareBps = rapid.Uint32Range(0, types.BpsDenominator-p.WorkerShareBps).Draw(rt, "owner_bps")
				p.RewardPoolShareBps = rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "pool_bps")
				_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
				require.NoError(rt, err)
			},
			"block": func(rt *rapid.T) {
				hours := rapid.Int64Range(0, 30).Draw(rt, "hours")
				require.NoError(rt, f.k.EndBlocker(f.ctx))
				f.ctx = f.ctx.WithBlockHeight(f.ctx.BlockHeight() + 1).WithBlockTime(f.ctx.BlockTime().Add(time.Duration(hours) * time.Hour))
			},
			"": func(rt *rapid.T) {
				require.True(rt, total.Equal(f.total()), "coins created or lost: %s -> %s", total, f.total())
				require.Equal(rt, escrowed.Int64(), f.moduleBalance(payer), "escrow left in the payer module")
				f.requireInvariants(rt)
				for _, w := range workers {
					rep, err := f.k.Reputation(f.ctx, w)
					require.NoError(rt, err)
					require.GreaterOrEqual(rt, rep, int64(0))
				}
			},
		})
	})
}

// epochWork returns a worker's work and the total work of the epoch in progress.
func (f *fixture) epochWork(t require.TestingT, worker sdk.AccAddress) (work, total uint64) {
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(worker)})
	require.NoError(t, err)
	epoch, err := f.k.Epoch.Get(f.ctx)
	require.NoError(t, err)
	return pending.Work, epoch.TotalWork
}
