package sim

import (
	"context"
	"fmt"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/app"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
)

// checkInvariants checks what no sequence of messages and blocks may break:
// the taskpool escrow account holds exactly the OPEN and CLAIMED escrows,
// the bond pool holds exactly the bonds (bonded and unbonding), the reward
// pool can pay what ended epochs owe, and every Hyra module's state exports
// to a valid genesis.
func checkInvariants(ctx context.Context, a *app.App) error {
	if err := a.TaskPoolKeeper.CheckEscrowInvariant(ctx); err != nil {
		return err
	}
	tp, err := a.TaskPoolKeeper.ExportGenesis(ctx)
	if err != nil {
		return err
	}
	if err := tp.Validate(); err != nil {
		return fmt.Errorf("taskpool genesis: %w", err)
	}
	mr, err := a.ModelRegistryKeeper.ExportGenesis(ctx)
	if err != nil {
		return err
	}
	if err := mr.Validate(); err != nil {
		return fmt.Errorf("modelregistry genesis: %w", err)
	}
	return checkRewards(ctx, a)
}

// checkRewards checks the x/rewards pools against its state.
func checkRewards(ctx context.Context, a *app.App) error {
	gs, err := a.RewardsKeeper.ExportGenesis(ctx)
	if err != nil {
		return err
	}
	if err := gs.Validate(); err != nil {
		return fmt.Errorf("rewards genesis: %w", err)
	}
	denom := gs.Params.BondDenom()
	bonded := math.ZeroInt()
	for _, b := range gs.Bonds {
		bonded = bonded.Add(b.Bonded.Amount).Add(b.Unbonding.Amount)
	}
	if have := poolBalance(ctx, a, rewardstypes.BondPoolName, denom); !have.Equal(bonded) {
		return fmt.Errorf("bond pool holds %s%s, bonds add up to %s%s", have, denom, bonded, denom)
	}
	owed := math.ZeroInt()
	for _, p := range gs.PendingPayouts {
		owed = owed.Add(p.Amount.Amount.Sub(p.Paid.Amount))
	}
	if have := poolBalance(ctx, a, rewardstypes.RewardPoolName, denom); have.LT(owed) {
		return fmt.Errorf("reward pool holds %s%s but owes %s%s", have, denom, owed, denom)
	}
	return nil
}

func poolBalance(ctx context.Context, a *app.App, name, denom string) math.Int {
	return a.BankKeeper.GetBalance(ctx, authtypes.NewModuleAddress(name), denom).Amount
}
