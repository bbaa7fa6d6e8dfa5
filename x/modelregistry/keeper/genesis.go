package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// InitGenesis loads a validated genesis state into the store.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	// Sequence.Next returns the stored value, so store next_model_id itself.
	if err := k.ModelSeq.Set(ctx, gs.NextModelId); err != nil {
		return err
	}
	for _, m := range gs.Models {
		if err := k.addModel(ctx, m); err != nil {
			return err
		}
	}
	for _, v := range gs.Versions {
		if err := k.Versions.Set(ctx, collections.Join(v.ModelId, v.Version), v); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the whole module state, in key order.
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
	if err := k.Models.Walk(ctx, nil, func(_ uint64, m types.Model) (bool, error) {
		gs.Models = append(gs.Models, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Versions.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], v types.ModelVersion) (bool, error) {
		gs.Versions = append(gs.Versions, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
