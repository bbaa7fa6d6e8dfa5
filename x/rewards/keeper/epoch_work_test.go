package keeper_test

import (
	"math"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestEpochWorkIsTheProtocolFee checks that epoch work is the protocol fee
// each worker's tasks paid, not their number, and that a worker's reward is
// capped below that fee: a worker who routes a hundred 1-uhyra tasks to
// itself has the 100 uhyra of fee they paid as work, not 100 of 101 shares,
// and gets back 90 of them however much the pool holds.
func TestEpochWorkIsTheProtocolFee(t *testing.T) {
	f := newFixture(t) // default split: 85% / 10% / 5% fee, half of it to the pool
	f.setParams(t, func(p *types.Params) { p.EpochLength = 10 })
	_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: coin(1_000_000)})
	require.NoError(t, err)
	honest, selfDealer := f.worker, f.other

	f.settle(t, honest, 1_000_000) // fee 50,000: 25,000 to the pool
	for range 100 {
		f.settle(t, selfDealer, 1) // fee 1, all to the community pool
	}
	for _, w := range []struct {
		addr sdk.AccAddress
		work uint64
	}{{honest, 50_000}, {selfDealer, 100}} {
		pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(w.addr)})
		require.NoError(t, err)
		require.Equal(t, w.work, pending.Work)
	}
	info, err := f.queries.EpochInfo(f.ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Equal(t, types.EpochState{Number: 1, StartHeight: 1, TotalWork: 50_100, Workers: 2}, info.Epoch)

	honestBefore, selfBefore := f.balance(honest), f.balance(selfDealer)
	f.toHeight(t, 10)
	f.endBlock(t, time.Second)
	// The pool holds 1,025,000; pro rata the two would get 1,022,954 and
	// 2,045, but each gets at most 90% of the fee its tasks paid. The rest
	// stays in the pool for later epochs.
	require.Equal(t, int64(45_000), f.balance(honest)-honestBefore)
	require.Equal(t, int64(90), f.balance(selfDealer)-selfBefore)
	require.Equal(t, int64(1_025_000-45_090), f.moduleBalance(types.RewardPoolName))
	f.checkInvariants(t)
}

// TestZeroProtocolFeeEarnsNoEpochReward checks the consequence of weighting
// by fee: while the protocol fee is zero, settled tasks are no epoch work,
// so epoch rewards accrue to no one and stay in the pool.
func TestZeroProtocolFeeEarnsNoEpochReward(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) {
		p.EpochLength = 10
		p.WorkerShareBps, p.ModelOwnerShareBps = 9_000, 1_000
	})
	_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: coin(500)})
	require.NoError(t, err)
	f.settle(t, f.worker, 1_000)
	f.settle(t, f.other, 1_000)
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.Zero(t, pending.Work)
	require.True(t, pending.CurrentEpoch.IsZero())
	require.Zero(t, f.workEntries(t))

	before := f.balance(f.worker)
	f.toHeight(t, 10)
	f.endBlock(t, time.Second)
	require.Equal(t, before, f.balance(f.worker))
	require.Equal(t, int64(500), f.moduleBalance(types.RewardPoolName), "the pool keeps its balance")
	info, err := f.queries.EpochInfo(f.ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Empty(t, info.PendingPayouts)
	require.Equal(t, uint64(2), info.Epoch.Number)
	f.checkInvariants(t)
}

// TestEpochWorkSaturates checks that a fee beyond 2^64-1 uhyra counts as
// 2^64-1 of work, that the epoch total then stays there, and that the state
// remains a valid genesis (the entries add up to the total).
func TestEpochWorkSaturates(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) { p.EpochLength = 10; p.RewardPoolShareBps = 0 })
	huge := sdk.NewCoin(denom, sdkmath.NewIntFromUint64(math.MaxUint64).MulRaw(100)) // fee: 5 * (2^64-1)
	f.bank.Set(f.ctx, authtypes.NewModuleAddress(payer), huge)
	_, err := f.k.SettleTask(f.ctx, payer, 1, f.worker, f.owner, huge)
	require.NoError(t, err)
	f.settle(t, f.other, 1_000_000) // the total is full: no work left to count

	epoch, err := f.k.Epoch.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, types.EpochState{Number: 1, StartHeight: 1, TotalWork: math.MaxUint64, Workers: 1}, epoch)
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.Equal(t, uint64(math.MaxUint64), pending.Work)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	_, err = f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: coin(300)})
	require.NoError(t, err)
	before := f.bank.GetBalance(f.ctx, f.worker, denom)
	f.toHeight(t, 10)
	f.endBlock(t, time.Second)
	require.Equal(t, coin(300).String(), f.bank.GetBalance(f.ctx, f.worker, denom).Sub(before).String())
	f.checkInvariants(t)
}
