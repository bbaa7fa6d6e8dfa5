package rewards_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	"github.com/hyra-network/hyra/x/rewards/keeper"
	"github.com/hyra-network/hyra/x/rewards/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestUnbondingOutlastsClaimsOnTheRealApp checks, on the real app's wiring,
// that neither module's params update can make unbonding_period (x/rewards)
// as short as max_claim_timeout (x/taskpool), whichever side moves, and that
// a genesis breaking the rule is refused.
func TestUnbondingOutlastsClaimsOnTheRealApp(t *testing.T) {
	var (
		rk keeper.Keeper
		tk tpkeeper.Keeper
	)
	env := apptest.Setup(t, &rk, &tk)
	gov := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	unbonding := func(d time.Duration) error {
		p := types.DefaultParams()
		p.UnbondingPeriod = d
		_, err := env.Deliver(&types.MsgUpdateParams{Authority: gov, Params: p})
		return err
	}
	claimTimeout := func(d time.Duration) error {
		p := tptypes.DefaultParams()
		p.MaxClaimTimeout = d
		_, err := env.Deliver(&tptypes.MsgUpdateParams{Authority: gov, Params: p})
		return err
	}
	current := func() (time.Duration, time.Duration) {
		rp, err := rk.Params.Get(env.Ctx)
		require.NoError(t, err)
		tp, err := tk.Params.Get(env.Ctx)
		require.NoError(t, err)
		return rp.UnbondingPeriod, tp.MaxClaimTimeout
	}

	// Defaults: 7 days of unbonding, claims of at most 1 day.
	const rule = "must exceed max_claim_timeout"
	require.ErrorContains(t, unbonding(24*time.Hour), rule)
	require.ErrorContains(t, unbonding(time.Hour), rule)
	require.ErrorContains(t, claimTimeout(7*24*time.Hour), rule)
	require.ErrorContains(t, claimTimeout(8*24*time.Hour), rule)
	u, c := current()
	require.Equal(t, types.DefaultUnbondingPeriod, u, "a refused update changes nothing")
	require.Equal(t, tptypes.DefaultMaxClaimTimeout, c, "a refused update changes nothing")

	// Shortening both works in the right order only.
	require.NoError(t, claimTimeout(time.Hour))
	require.NoError(t, unbonding(time.Hour+time.Second))
	require.ErrorContains(t, claimTimeout(2*time.Hour), rule)
	u, c = current()
	require.Equal(t, time.Hour+time.Second, u)
	require.Equal(t, time.Hour, c)

	// Genesis: x/taskpool's is loaded after x/rewards' and checked against it.
	gs := tptypes.DefaultGenesis()
	gs.Params.MaxClaimTimeout = 2 * time.Hour
	require.ErrorContains(t, tk.InitGenesis(env.Ctx, gs), rule)
}
