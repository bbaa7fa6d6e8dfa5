package rewards_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	"github.com/hyra-network/hyra/x/rewards/keeper"
	"github.com/hyra-network/hyra/x/rewards/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// communityPool returns the uhyra the community pool holds.
func communityPool(t *testing.T, env *apptest.Env, distr distrkeeper.Keeper) math.LegacyDec {
	t.Helper()
	pool, err := distr.FeePool.Get(env.Ctx)
	require.NoError(t, err)
	return pool.CommunityPool.AmountOf("uhyra")
}

// TestRewardsOnTheRealApp bonds through the real app's message router,
// unbonds, is slashed while unbonding, gets the rest back after the unbonding
// period in EndBlock, settles a task and receives an epoch payout.
func TestRewardsOnTheRealApp(t *testing.T) {
	var (
		k     keeper.Keeper
		distr distrkeeper.Keeper
	)
	env := apptest.Setup(t, &k, &distr)
	q := keeper.NewQueryServerImpl(k)
	worker := sdk.AccAddress("worker______________")
	funder := sdk.AccAddress("funder______________")
	owner := sdk.AccAddress("model_owner_________")
	env.Fund(worker, sdk.NewCoins(hyra(100)))
	env.Fund(funder, sdk.NewCoins(hyra(100)))

	// Governance shortens claims, then the unbonding period and the epoch
	// (unbonding must outlast every claim).
	gov := authtypes.NewModuleAddress(govtypes.ModuleName)
	tpParams := tptypes.DefaultParams()
	tpParams.MaxClaimTimeout = 30 * time.Minute
	_, err := env.Deliver(&tptypes.MsgUpdateParams{Authority: gov.String(), Params: tpParams})
	require.NoError(t, err)
	params := types.DefaultParams()
	params.UnbondingPeriod = time.Hour
	params.EpochLength = 20
	_, err = env.Deliver(&types.MsgUpdateParams{Authority: worker.String(), Params: params})
	require.ErrorContains(t, err, "invalid authority")
	_, err = env.Deliver(&types.MsgUpdateParams{Authority: gov.String(), Params: params})
	require.NoError(t, err)

	// The pools are blocked from plain bank sends.
	for _, pool := range []string{types.BondPoolName, types.RewardPoolName} {
		_, err = env.Deliver(&banktypes.MsgSend{
			FromAddress: funder.String(), ToAddress: authtypes.NewModuleAddress(pool).String(),
			Amount: sdk.NewCoins(hyra(1)),
		})
		require.ErrorContains(t, err, "not allowed to receive funds", pool)
	}

	// Bond 20 HYRA, then unbond 5.
	require.ErrorContains(t, k.CheckMinBond(env.Ctx, worker), "insufficient bond")
	_, err = env.Deliver(&types.MsgBond{Worker: worker.String(), Amount: hyra(20)})
	require.NoError(t, err)
	env.NextBlock(time.Second)
	require.NoError(t, k.CheckMinBond(env.Ctx, worker))
	_, err = env.Deliver(&types.MsgUnbond{Worker: worker.String(), Amount: hyra(5)})
	require.NoError(t, err)
	env.NextBlock(time.Second)
	require.Equal(t, hyra(80), env.Balance(worker, "uhyra"))
	require.Equal(t, hyra(20), env.Balance(authtypes.NewModuleAddress(types.BondPoolName), "uhyra"))

	// A claim timeout slashes 1% of both the bonded and the unbonding coins.
	poolBefore := communityPool(t, env, distr)
	require.NoError(t, k.PenalizeTimeout(env.Ctx, 1, worker))
	require.Equal(t, "200000.000000000000000000", communityPool(t, env, distr).Sub(poolBefore).String())
	bond, err := q.Bond(env.Ctx, &types.QueryBondRequest{Worker: worker.String()})
	require.NoError(t, err)
	require.Equal(t, "14850000uhyra", bond.Bond.Bonded.String())
	require.Equal(t, "4950000uhyra", bond.Bond.Unbonding.String())
	rep, err := k.Reputation(env.Ctx, worker)
	require.NoError(t, err)
	require.Equal(t, int64(types.DefaultInitialReputation-types.DefaultReputationLoss), rep)

	// The unbonding completes in EndBlock once the hour has passed.
	env.NextBlock(time.Hour)
	env.NextBlock(time.Second)
	require.Equal(t, "84950000uhyra", env.Balance(worker, "uhyra").String())
	ubs, err := q.Unbondings(env.Ctx, &types.QueryUnbondingsRequest{Worker: worker.String()})
	require.NoError(t, err)
	require.Empty(t, ubs.Unbondings)

	// A settled task and a funded pool pay the worker at the epoch's end, at
	// most epoch_reward_cap_bps (90%) of the fee its result paid.
	_, err = env.Deliver(&types.MsgFundRewardPool{Funder: funder.String(), Amount: hyra(3)})
	require.NoError(t, err)
	escrow := hyra(2)
	require.NoError(t, env.Bank.MintCoins(env.Ctx, minttypes.ModuleName, sdk.NewCoins(escrow)))
	share, err := k.SettleTask(env.Ctx, minttypes.ModuleName, 7, worker, owner, escrow)
	require.NoError(t, err)
	require.Equal(t, "1700000uhyra", share.String())
	env.NextBlock(time.Second) // the owner's royalty and the fee are sent at the end of the block
	require.Equal(t, "200000uhyra", env.Balance(owner, "uhyra").String())
	pending, err := q.PendingRewards(env.Ctx, &types.QueryPendingRewardsRequest{Worker: worker.String()})
	require.NoError(t, err)
	require.Equal(t, "90000uhyra", pending.CurrentEpoch.String(), "of 3.05 HYRA in the pool, 90% of the 0.1 HYRA fee")
	require.Equal(t, uint64(100_000), pending.Work, "the epoch work is the 0.1 HYRA fee")

	info, err := q.EpochInfo(env.Ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	before := env.Balance(worker, "uhyra")
	for env.Ctx.BlockHeight() <= info.NextPayoutHeight {
		env.NextBlock(time.Second)
	}
	require.Equal(t, "90000uhyra", env.Balance(worker, "uhyra").Sub(before).String())
	require.Equal(t, "2960000uhyra", env.Balance(authtypes.NewModuleAddress(types.RewardPoolName), "uhyra").String(),
		"what the cap holds back stays in the pool")
	after, err := q.EpochInfo(env.Ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Equal(t, info.Epoch.Number+1, after.Epoch.Number)

	// The state exports as a valid genesis.
	gs, err := k.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Bonds, 1)
}
