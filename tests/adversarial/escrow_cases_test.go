package adversarial

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
)

// sendTo is a plain bank send of 1 HYRA from the client to a module account.
func sendTo(module string) func(f *fixture) sdk.Msg {
	return func(f *fixture) sdk.Msg {
		f.submit() // so that the escrow account holds something
		return banktypes.NewMsgSend(f.user, authtypes.NewModuleAddress(module), sdk.NewCoins(hyra(1)))
	}
}

// multiSendToEscrow hides the escrow account among the outputs of a multi-send.
func multiSendToEscrow(f *fixture) sdk.Msg {
	return &banktypes.MsgMultiSend{
		Inputs: []banktypes.Input{banktypes.NewInput(f.user, sdk.NewCoins(hyra(2)))},
		Outputs: []banktypes.Output{
			banktypes.NewOutput(f.worker, sdk.NewCoins(hyra(1))),
			banktypes.NewOutput(f.escrow, sdk.NewCoins(hyra(1))),
		},
	}
}

// withdrawToEscrow points a delegator's staking rewards at the escrow
// account, a side door for coins into it.
func withdrawToEscrow(f *fixture) sdk.Msg {
	return distrtypes.NewMsgSetWithdrawAddress(f.user, f.escrow)
}

// smallestSplit settles a task whose escrow is 1 uhyra: the worker, model
// owner, reward pool and community pool parts add up to exactly 1 uhyra and
// the supply does not change.
func smallestSplit(t *testing.T) {
	t.Helper()
	f := newFixture(t)
	one := sdk.NewInt64Coin("uhyra", 1)
	pool := f.createPoolFor(f.registerIris(one), time.Minute)
	id := f.submitTo(pool, one, time.Hour)
	f.claim(f.worker, id)
	msg := f.honestResult(f.worker, id)

	rewardPool := authtypes.NewModuleAddress(rewardstypes.RewardPoolName)
	supply := f.Bank.GetSupply(f.Ctx, "uhyra")
	worker, owner, pooled, community := f.uhyra(f.worker), f.uhyra(f.owner), f.uhyra(rewardPool), f.communityPool()
	f.mustDeliver(msg)
	f.requireEscrowInvariant(f.Ctx)                 // the escrow account holds the deferred shares
	require.NoError(t, f.rewards.EndBlocker(f.Ctx)) // which the end of the block sends
	parts := map[string]math.LegacyDec{
		"worker":         f.uhyra(f.worker).Sub(worker).ToLegacyDec(),
		"model owner":    f.uhyra(f.owner).Sub(owner).ToLegacyDec(),
		"reward pool":    f.uhyra(rewardPool).Sub(pooled).ToLegacyDec(),
		"community pool": f.communityPool().Sub(community),
	}
	total := math.LegacyZeroDec()
	for name, part := range parts {
		require.False(t, part.IsNegative(), "%s lost %s", name, part)
		require.True(t, part.IsInteger(), "%s got a fraction %s", name, part)
		total = total.Add(part)
	}
	t.Logf("1uhyra split: %v", parts)
	require.Equal(t, math.LegacyOneDec(), total, "parts %v", parts)
	require.Equal(t, supply, f.Bank.GetSupply(f.Ctx, "uhyra"), "coins were created or destroyed")
	require.True(t, f.uhyra(f.escrow).IsZero())
	f.requireEscrowInvariant(f.Ctx)
}

func (f *fixture) uhyra(a sdk.AccAddress) math.Int { return f.Balance(a, "uhyra").Amount }

// communityPool is the community pool's uhyra, as the decimal x/distribution
// keeps.
func (f *fixture) communityPool() math.LegacyDec {
	pool, err := f.distr.FeePool.Get(f.Ctx)
	require.NoError(f.T, err)
	return pool.CommunityPool.AmountOf("uhyra")
}
