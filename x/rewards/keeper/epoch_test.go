package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// task is the escrow of the tasks the epoch tests settle: with the 10% fee
// of newEpochFixture it is 1,000 of work, which caps the worker's reward for
// it at 900 (epoch_reward_cap_bps 90%), above the pro-rata shares these tests
// look at. TestEpochRewardCap looks at the cap.
const task = 10_000

// newEpochFixture is a fixture with 10-block epochs, a 10% protocol fee that
// all goes to the community pool (so the reward pool holds exactly what is
// funded) and a funded reward pool.
func newEpochFixture(t *testing.T, pool int64) *fixture {
	t.Helper()
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) {
		p.EpochLength = 10
		p.WorkerShareBps, p.ModelOwnerShareBps, p.RewardPoolShareBps = 9_000, 0, 0
	})
	if pool > 0 {
		_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: coin(pool)})
		require.NoError(t, err)
	}
	return f
}

func TestEpochPayout(t *testing.T) {
	cases := []struct {
		name    string
		pool    int64
		tasks   map[byte]int // worker address byte -> settled tasks (1,000 of work each)
		want    map[byte]int64
		remains int64
	}{
		{
			name:    "success - in proportion to verified work, remainders stay",
			pool:    1_000,
			tasks:   map[byte]int{1: 2, 2: 1},
			want:    map[byte]int64{1: 666, 2: 333},
			remains: 1,
		},
		{
			name:    "success - 1 uhyra between two workers pays no one",
			pool:    1,
			tasks:   map[byte]int{1: 1, 2: 1},
			want:    map[byte]int64{1: 0, 2: 0},
			remains: 1,
		},
		{
			name:    "success - one worker takes the whole pool",
			pool:    777,
			tasks:   map[byte]int{2: 5},
			want:    map[byte]int64{2: 777},
			remains: 0,
		},
		{
			name:    "success - an empty pool pays nothing",
			tasks:   map[byte]int{1: 3},
			want:    map[byte]int64{1: 0},
			remains: 0,
		},
		{
			name:    "success - an epoch without work keeps the pool",
			pool:    500,
			remains: 500,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newEpochFixture(t, tc.pool)
			before := map[byte]int64{}
			for _, b := range []byte{1, 2} {
				for range tc.tasks[b] {
					f.settle(t, testaddr.Filled(b), task)
				}
				before[b] = f.balance(testaddr.Filled(b))
			}
			f.toHeight(t, 10)
			f.endBlock(t, time.Second) // height 10 ends epoch 1

			for b, want := range tc.want {
				require.Equal(t, want, f.balance(testaddr.Filled(b))-before[b], "worker %d", b)
			}
			require.Equal(t, tc.remains, f.moduleBalance(types.RewardPoolName))
			epoch, err := f.k.Epoch.Get(f.ctx)
			require.NoError(t, err)
			require.Equal(t, types.EpochState{Number: 2, StartHeight: 11}, epoch)
			require.Zero(t, f.workEntries(t), "work entries are deleted once paid")
			has, err := f.k.PendingPayouts.Has(f.ctx, 1)
			require.NoError(t, err)
			require.False(t, has)
			f.checkInvariants(t)
		})
	}
}

// workEntries counts the work entries of every epoch.
func (f *fixture) workEntries(t *testing.T) int {
	t.Helper()
	n := 0
	require.NoError(t, f.k.EpochWork.Walk(f.ctx, nil, func(collections.Pair[uint64, sdk.AccAddress], uint64) (bool, error) {
		n++
		return false, nil
	}))
	return n
}

// TestEpochPayoutCap checks that at most max_payouts_per_block workers are
// paid per block, that the payout goes on over the next blocks while the next
// epoch runs, and that the next epoch's reward excludes what is still owed.
func TestEpochPayoutCap(t *testing.T) {
	f := newEpochFixture(t, 900)
	f.setParams(t, func(p *types.Params) { p.MaxPayoutsPerBlock = 2 })
	workers := []sdk.AccAddress{testaddr.Filled(11), testaddr.Filled(12), testaddr.Filled(13)}
	for _, w := range workers {
		f.settle(t, w, task)
	}
	f.toHeight(t, 10)
	f.endBlock(t, time.Second) // height 10: epoch 1 ends, two workers paid
	require.Equal(t, int64(300), f.balance(workers[0])-9_000)
	require.Equal(t, int64(300), f.balance(workers[1])-9_000)
	require.Equal(t, int64(9_000), f.balance(workers[2]), "the third worker waits for the next block")
	requireEvent(t, f.ctx, "hyra.rewards.v1.EventEpochEnded")

	// Epoch 2 gets new funds and work; epoch 1 still owes 300.
	_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(f.owner), Amount: coin(50)})
	require.NoError(t, err)
	f.settle(t, workers[0], task)
	pool, err := f.queries.RewardPool(f.ctx, &types.QueryRewardPoolRequest{})
	require.NoError(t, err)
	require.Equal(t, coin(350).String(), pool.Balance.String())
	require.Equal(t, coin(50).String(), pool.Available.String())
	info, err := f.queries.EpochInfo(f.ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Len(t, info.PendingPayouts, 1)
	require.Equal(t, coin(600).String(), info.PendingPayouts[0].Paid.String())
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(workers[2])})
	require.NoError(t, err)
	require.Equal(t, coin(300).String(), pending.Unpaid.String())
	require.Equal(t, coin(0).String(), pending.CurrentEpoch.String())

	f.endBlock(t, time.Second) // height 11: the third worker is paid
	require.Equal(t, int64(9_300), f.balance(workers[2]))
	has, err := f.k.PendingPayouts.Has(f.ctx, 1)
	require.NoError(t, err)
	require.False(t, has)
	requireEvent(t, f.ctx, "hyra.rewards.v1.EventEpochPayoutCompleted")

	before := f.balance(workers[0])
	f.toHeight(t, 20)
	f.endBlock(t, time.Second) // height 20: epoch 2 ends and pays its 50
	require.Equal(t, int64(50), f.balance(workers[0])-before)
	require.Equal(t, int64(0), f.moduleBalance(types.RewardPoolName))
	f.checkInvariants(t)
}

// TestEpochPayoutSkipsBadWorker checks that a worker who cannot be paid is
// skipped without stopping the others, and its share stays in the pool.
func TestEpochPayoutSkipsBadWorker(t *testing.T) {
	for _, mode := range []string{"fails", "panics"} {
		t.Run("success - a payment that "+mode+" is skipped", func(t *testing.T) {
			f := newEpochFixture(t, 100)
			f.settle(t, f.worker, task)
			f.settle(t, f.other, task)
			if mode == "fails" {
				f.bank.FailTo[string(f.worker)] = true
			} else {
				f.bank.PanicTo[string(f.worker)] = true
			}
			before := f.balance(f.other)
			f.toHeight(t, 10)
			f.endBlock(t, time.Second)
			require.Equal(t, int64(50), f.balance(f.other)-before)
			require.Equal(t, int64(50), f.moduleBalance(types.RewardPoolName), "the skipped share stays in the pool")
			has, err := f.k.PendingPayouts.Has(f.ctx, 1)
			require.NoError(t, err)
			require.False(t, has, "the payout is done")
			f.checkInvariants(t)
		})
	}
}

// TestProtocolFeeFundsRewardPool checks that reward_pool_share_bps of each
// settlement's fee reaches the workers at the end of the epoch.
func TestProtocolFeeFundsRewardPool(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) { p.EpochLength = 5 })
	f.settle(t, f.worker, 1_000_000) // fee 50,000: 25,000 to the pool
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.Equal(t, uint64(50_000), pending.Work, "work is the protocol fee paid")
	require.Equal(t, coin(25_000).String(), pending.CurrentEpoch.String())

	before := f.balance(f.worker)
	f.toHeight(t, 5)
	f.endBlock(t, time.Second)
	require.Equal(t, int64(25_000), f.balance(f.worker)-before)
	requireEvent(t, f.ctx, "hyra.rewards.v1.EventEpochRewardPaid")
}

// TestEpochLengthChange checks that epochs end at multiples of the current
// epoch_length after governance changes it.
func TestEpochLengthChange(t *testing.T) {
	f := newEpochFixture(t, 0)
	f.toHeight(t, 4)
	f.setParams(t, func(p *types.Params) { p.EpochLength = 3 })
	info, err := f.queries.EpochInfo(f.ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(6), info.NextPayoutHeight)
	f.toHeight(t, 6)
	f.endBlock(t, time.Second)
	epoch, err := f.k.Epoch.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), epoch.Number)
	require.Equal(t, int64(7), epoch.StartHeight)
}

// TestEpochRewardCap checks that a worker's epoch reward is at most
// epoch_reward_cap_bps of the fees its results paid, and that what the cap
// holds back is not stranded: it stays available and a later epoch pays it.
func TestEpochRewardCap(t *testing.T) {
	f := newEpochFixture(t, 1_000)
	f.settle(t, f.worker, 1_000) // a fee of 100: at most 90 back
	before := f.balance(f.worker)
	f.toHeight(t, 10)
	f.endBlock(t, time.Second)
	require.Equal(t, int64(90), f.balance(f.worker)-before)
	require.Equal(t, int64(910), f.moduleBalance(types.RewardPoolName))
	pool, err := f.queries.RewardPool(f.ctx, &types.QueryRewardPoolRequest{})
	require.NoError(t, err)
	require.Equal(t, coin(910).String(), pool.Available.String(), "what the cap held back is available again")

	f.settle(t, f.other, task)
	f.settle(t, f.other, task) // 2,000 of work: up to 1,800
	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(f.other)})
	require.NoError(t, err)
	require.Equal(t, coin(910).String(), pending.CurrentEpoch.String())
	before = f.balance(f.other)
	f.toHeight(t, 20)
	f.endBlock(t, time.Second)
	require.Equal(t, int64(910), f.balance(f.other)-before)
	require.Zero(t, f.moduleBalance(types.RewardPoolName))
	f.checkInvariants(t)
}
