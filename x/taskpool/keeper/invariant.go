package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// EscrowedRewards sums the rewards of the tasks that hold escrow (OPEN,
// CLAIMED and REFUND_PENDING), through the status index.
func (k Keeper) EscrowedRewards(ctx context.Context) (sdk.Coins, error) {
	total := sdk.NewCoins()
	for _, s := range []types.TaskStatus{types.TASK_STATUS_OPEN, types.TASK_STATUS_CLAIMED, types.TASK_STATUS_REFUND_PENDING} {
		rng := collections.NewPrefixedPairRange[int32, uint64](int32(s))
		err := k.TasksByStatus.Walk(ctx, rng, func(key collections.Pair[int32, uint64]) (bool, error) {
			t, err := k.GetTask(ctx, key.K2())
			if err != nil {
				return true, err
			}
			total = total.Add(t.Reward)
			return false, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return total, nil
}

// CheckEscrowInvariant checks that the module account holds exactly the
// rewards of the tasks that hold escrow, plus the shares of settled escrows
// x/rewards sends at the end of the block (none at a block boundary):
// nothing created, lost or stranded. It walks every open escrow, so it is for
// tests and audits, not for blocks.
func (k Keeper) CheckEscrowInvariant(ctx context.Context) error {
	escrowed, err := k.EscrowedRewards(ctx)
	if err != nil {
		return err
	}
	deferred, err := k.rewardsKeeper.DeferredBy(ctx, types.ModuleName)
	if err != nil {
		return err
	}
	want := escrowed.Add(deferred...)
	have := k.bankKeeper.GetAllBalances(ctx, authtypes.NewModuleAddress(types.ModuleName))
	if !have.Equal(want) {
		return errorsmod.Wrapf(types.ErrEscrowInvariant,
			"module account holds %s, open, claimed and refund-pending tasks escrow %s and settled tasks' deferred shares are %s", have, escrowed, deferred)
	}
	return nil
}
