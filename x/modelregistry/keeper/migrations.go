package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// Migrator runs the module's store migrations.
type Migrator struct {
	k Keeper
}

// NewMigrator returns the migrator of the keeper's store.
func NewMigrator(k Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 brings state from before multi-party setups up to date: every
// version then had an owner-uploaded key, so it is SINGLE_PARTY (queries and
// clients say so, and governance can retire it), and each model's newest
// version is its current one. Params gain the setup params' defaults, with
// single-party keys refused from now on. Every version of consensus version
// 1 is rewritten (none had a status), through setVersion, which stores its
// artifact apart.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	if err := m.rewriteVersions(ctx, func(v types.ModelVersion) (types.ModelVersion, bool) {
		status := types.NormalizedStatus(v)
		changed := status != v.SetupStatus
		v.SetupStatus = status
		return v, changed
	}); err != nil {
		return err
	}
	var models []types.Model
	if err := m.k.Models.Walk(ctx, nil, func(_ uint64, model types.Model) (bool, error) {
		if model.LatestVersion == 0 {
			model.LatestVersion = model.Version
			models = append(models, model)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, model := range models {
		if err := m.k.Models.Set(ctx, model.Id, model); err != nil {
			return err
		}
	}
	params, err := m.k.Params.Get(ctx)
	if err != nil {
		return err
	}
	defaults := types.DefaultParams()
	params.MinSetupContributors = defaults.MinSetupContributors
	params.IndependentMinReputation = defaults.IndependentMinReputation
	params.MaxSetupContributions = defaults.MaxSetupContributions
	return m.k.Params.Set(ctx, params)
}

// Migrate2to3 stores every version's artifact apart (Artifacts, see
// setVersion): consensus version 2 kept it in the version record, which
// every task and result reads and pays gas for by the byte.
func (m Migrator) Migrate2to3(ctx sdk.Context) error {
	return m.rewriteVersions(ctx, func(v types.ModelVersion) (types.ModelVersion, bool) {
		return v, len(v.Artifact) > 0
	})
}

// rewriteVersions stores again, through setVersion, every version that
// change alters (it returns the version to store and whether it changed),
// once the walk over them is done.
func (m Migrator) rewriteVersions(ctx sdk.Context, change func(types.ModelVersion) (types.ModelVersion, bool)) error {
	var versions []types.ModelVersion
	if err := m.k.Versions.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], v types.ModelVersion) (bool, error) {
		if v, changed := change(v); changed {
			versions = append(versions, v)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, v := range versions {
		if err := m.k.setVersion(ctx, v); err != nil {
			return err
		}
	}
	return nil
}
