package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// GetModelVersion returns one version of a model without its artifact
// (Artifact is nil, ArtifactHash is set), or ErrVersionNotFound. It is what
// every task and result reads (the verifying key, input schema and setup
// status): the artifact, up to max_artifact_size, is stored apart so that
// they do not pay gas for reading it. ModelVersionWithArtifact adds it.
func (k Keeper) GetModelVersion(ctx context.Context, id, version uint64) (types.ModelVersion, error) {
	v, err := k.Versions.Get(ctx, collections.Join(id, version))
	if errors.Is(err, collections.ErrNotFound) {
		return v, errorsmod.Wrapf(types.ErrVersionNotFound, "model %d version %d", id, version)
	}
	return v, err
}

// ModelVersionWithArtifact returns one version of a model with its artifact,
// as queries and genesis export give it, or ErrVersionNotFound.
func (k Keeper) ModelVersionWithArtifact(ctx context.Context, id, version uint64) (types.ModelVersion, error) {
	v, err := k.GetModelVersion(ctx, id, version)
	if err != nil {
		return v, err
	}
	return v, k.attachArtifact(ctx, &v)
}

// attachArtifact sets v.Artifact to the stored artifact of v's version. A
// version stored without one (an empty artifact in genesis) keeps none.
func (k Keeper) attachArtifact(ctx context.Context, v *types.ModelVersion) error {
	a, err := k.Artifacts.Get(ctx, collections.Join(v.ModelId, v.Version))
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	v.Artifact = a
	return err
}

// setVersion stores a version: its record without the artifact under
// Versions and, if v carries an artifact (a new version, genesis), the
// artifact under Artifacts. A version read through GetModelVersion carries
// none, so rewriting it (finalization, retirement) leaves its artifact as
// stored.
func (k Keeper) setVersion(ctx context.Context, v types.ModelVersion) error {
	key := collections.Join(v.ModelId, v.Version)
	if len(v.Artifact) > 0 {
		if err := k.Artifacts.Set(ctx, key, v.Artifact); err != nil {
			return err
		}
		v.Artifact = nil
	}
	return k.Versions.Set(ctx, key, v)
}

// versionsWithArtifacts returns every version with its artifact, in key
// order: the genesis export.
func (k Keeper) versionsWithArtifacts(ctx context.Context) ([]types.ModelVersion, error) {
	versions, err := keeperutil.Values(ctx, k.Versions)
	if err != nil {
		return nil, err
	}
	for i := range versions {
		if err := k.attachArtifact(ctx, &versions[i]); err != nil {
			return nil, err
		}
	}
	return versions, nil
}
