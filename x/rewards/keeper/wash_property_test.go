package keeper_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestWashTradingNeverPays checks the rule of epoch rewards for any valid
// split and cap, any number of accounts and any interleaving: a party that
// owns a model, pays for tasks and works them itself (and may even fund the
// reward pool) never gets back in epoch rewards more than
// epoch_reward_cap_bps of the fees it paid, so it ends poorer by at least
// the rest, whatever honest traffic and outside funding run beside it. And
// no coin is created, lost or stranded: the reward pool always covers what
// it owes.
func TestWashTradingNeverPays(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		f := newFixture(t)
		workerBps := rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "worker_bps")
		ownerBps := rapid.Uint32Range(0, types.BpsDenominator-workerBps).Draw(rt, "owner_bps")
		poolBps := rapid.Uint32Range(0, types.BpsDenominator).Draw(rt, "pool_bps")
		capBps := rapid.Uint32Range(0, types.BpsDenominator-1).Draw(rt, "cap_bps")
		f.setParams(t, func(p *types.Params) {
			p.WorkerShareBps, p.ModelOwnerShareBps, p.RewardPoolShareBps = workerBps, ownerBps, poolBps
			p.EpochRewardCapBps = capBps
			p.EpochLength = rapid.Int64Range(1, 5).Draw(rt, "epoch_length")
			p.MaxPayoutsPerBlock = rapid.Uint32Range(1, 3).Draw(rt, "max_payouts")
		})
		var party []sdk.AccAddress // party[0] owns the model
		for i := range rapid.IntRange(2, 6).Draw(rt, "party_accounts") {
			a := testaddr.Filled(byte(100 + i))
			f.bank.Set(f.ctx, a, coin(1_000_000_000))
			party = append(party, a)
		}
		honestWorkers := []sdk.AccAddress{testaddr.Filled(50), testaddr.Filled(51)}
		wealth := func() math.Int {
			sum := math.ZeroInt()
			for _, a := range party {
				sum = sum.AddRaw(f.balance(a))
			}
			return sum
		}
		start, total := wealth(), f.total()
		fees, funded := math.ZeroInt(), math.ZeroInt()
		settle := func(rt *rapid.T, client, worker, modelOwner sdk.AccAddress, most int64) math.Int {
			escrow := coin(rapid.Int64Range(1, most).Draw(rt, "escrow"))
			require.NoError(rt, f.bank.SendCoinsFromAccountToModule(f.ctx, client, payer, sdk.NewCoins(escrow)))
			_, err := f.k.SettleTask(f.ctx, payer, 1, worker, modelOwner, escrow)
			require.NoError(rt, err)
			f.sendDeferred(rt)
			split, err := types.SplitEscrow(escrow.Amount, workerBps, ownerBps, poolBps)
			require.NoError(rt, err)
			return split.CommunityPool.Add(split.RewardPool)
		}

		rt.Repeat(map[string]func(*rapid.T){
			"wash": func(rt *rapid.T) {
				client, w := rapid.SampledFrom(party).Draw(rt, "client"), rapid.SampledFrom(party).Draw(rt, "worker")
				fees = fees.Add(settle(rt, client, w, party[0], 1_000_000))
			},
			"honest": func(rt *rapid.T) {
				settle(rt, f.owner, rapid.SampledFrom(honestWorkers).Draw(rt, "worker"), f.other, 10_000_000)
			},
			"fund": func(rt *rapid.T) {
				amount := coin(rapid.Int64Range(1, 100_000_000).Draw(rt, "funding"))
				funder := f.owner
				if rapid.Bool().Draw(rt, "party_funds") {
					funder = party[0]
					funded = funded.Add(amount.Amount)
				}
				_, err := f.msgs.FundRewardPool(f.ctx, &types.MsgFundRewardPool{Funder: f.str(funder), Amount: amount})
				require.NoError(rt, err)
			},
			"block": func(rt *rapid.T) {
				require.NoError(rt, f.k.EndBlocker(f.ctx))
				f.ctx = f.ctx.WithBlockHeight(f.ctx.BlockHeight() + 1)
			},
			"": func(rt *rapid.T) {
				// What the party got back from epoch rewards: its wealth change
				// plus what it paid in fees and into the pool.
				rewards := wealth().Sub(start).Add(fees).Add(funded)
				require.False(rt, rewards.IsNegative())
				require.True(rt, rewards.MulRaw(types.BpsDenominator).LTE(fees.MulRaw(int64(capBps))),
					"epoch rewards %s exceed %d bps of the %s of fees the party paid", rewards, capBps, fees)
				if fees.IsPositive() {
					require.True(rt, wealth().LT(start), "a party that paid fees is not poorer")
				}
				require.True(rt, total.Equal(f.total()), "coins created or lost")
				f.requireInvariants(rt)
			},
		})
	})
}
