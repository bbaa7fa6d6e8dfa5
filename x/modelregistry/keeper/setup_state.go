package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// GetSetup returns the multi-party setup of a version, or ErrSetupNotFound.
func (k Keeper) GetSetup(ctx context.Context, id, version uint64) (types.Setup, error) {
	s, err := k.Setups.Get(ctx, collections.Join(id, version))
	if errors.Is(err, collections.ErrNotFound) {
		return s, errorsmod.Wrapf(types.ErrSetupNotFound, "model %d version %d has no setup; its owner begins one with MsgBeginSetup", id, version)
	}
	return s, err
}

// pendingVersion loads a version and checks that its key setup is still open
// to the operation named by what.
func (k Keeper) pendingVersion(ctx context.Context, id, version uint64, what string) (types.ModelVersion, error) {
	v, err := k.GetModelVersion(ctx, id, version)
	if err != nil {
		return v, err
	}
	if v.SetupStatus != types.SETUP_STATUS_PENDING {
		return v, errorsmod.Wrapf(types.ErrSetupStatus, "model %d version %d is %s; only a PENDING version can %s", id, version, v.SetupStatus, what)
	}
	return v, nil
}

// contributions returns the contributions of a setup in order. A setup holds
// at most max_setup_contributions of them.
func (k Keeper) contributions(ctx context.Context, id, version uint64) ([]types.SetupContribution, error) {
	var out []types.SetupContribution
	rng := collections.NewPrefixedPairRange[collections.Pair[uint64, uint64], uint32](collections.Join(id, version))
	err := k.SetupContributions.Walk(ctx, rng, func(_ collections.Pair[collections.Pair[uint64, uint64], uint32], c types.SetupContribution) (bool, error) {
		out = append(out, c)
		return false, nil
	})
	return out, err
}
