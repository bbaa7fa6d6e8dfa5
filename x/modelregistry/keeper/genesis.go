package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// InitGenesis loads a validated genesis state into the store. State exported
// before ceremonies existed is brought up to date as the 1 -> 2 migration
// does: versions without a setup status are SINGLE_PARTY.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	// Sequence.Next returns the stored value, so store next_model_id itself.
	if err := k.ModelSeq.Set(ctx, gs.NextModelId); err != nil {
		return err
	}
	for _, m := range gs.Models {
		m.LatestVersion = m.Latest()
		if err := k.addModel(ctx, m); err != nil {
			return err
		}
	}
	for _, v := range gs.Versions {
		v.SetupStatus = types.NormalizedStatus(v)
		if err := k.setVersion(ctx, v); err != nil {
			return err
		}
	}
	for _, s := range gs.Setups {
		if err := k.Setups.Set(ctx, collections.Join(s.ModelId, s.Version), s); err != nil {
			return err
		}
	}
	for _, c := range gs.SetupContributions {
		key := collections.Join(c.ModelId, c.Version)
		if err := k.SetupContributions.Set(ctx, collections.Join(key, c.Index), c); err != nil {
			return err
		}
		contributor, err := k.addressCodec.StringToBytes(c.Contributor)
		if err != nil {
			return err
		}
		if err := k.SetupContributors.Set(ctx, collections.Join(key, sdk.AccAddress(contributor))); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the whole module state, in key order; each version
// with its artifact, stored apart in state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.ModelSeq.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextModelId: next}
	if gs.Models, err = keeperutil.Values(ctx, k.Models); err != nil {
		return nil, err
	}
	if gs.Versions, err = k.versionsWithArtifacts(ctx); err != nil {
		return nil, err
	}
	if gs.Setups, err = keeperutil.Values(ctx, k.Setups); err != nil {
		return nil, err
	}
	if gs.SetupContributions, err = keeperutil.Values(ctx, k.SetupContributions); err != nil {
		return nil, err
	}
	return gs, nil
}
