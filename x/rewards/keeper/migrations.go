package keeper

import (
	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// Migrator runs the module's store migrations.
type Migrator struct {
	k Keeper
}

// NewMigrator returns the migrator of the keeper's store.
func NewMigrator(k Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 moves the deferred shares to consensus version 2's layout:
// every payer's total per denom in DeferredTotals, which alone holds the
// community pool's share (deferred.go). Shares are deferred only within a
// block, so there is something to move only if a send failed at an end of
// block (none can while the escrow invariant holds); each is stored again as
// genesis import stores it.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	var shares []types.DeferredShare
	var keys []collections.Triple[string, string, string]
	err := m.k.DeferredShares.Walk(ctx, nil, func(key collections.Triple[string, string, string], amount sdkmath.Int) (bool, error) {
		keys = append(keys, key)
		shares = append(shares, types.DeferredShare{PayerModule: key.K1(), Recipient: key.K3(), Amount: sdk.NewCoin(key.K2(), amount)})
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := m.k.DeferredShares.Remove(ctx, key); err != nil {
			return err
		}
	}
	return m.k.importDeferredShares(ctx, shares)
}
