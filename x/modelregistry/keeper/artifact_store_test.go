package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/zktest"
)

// Artifacts are stored apart from the rest of their version: the reads every
// task and result makes (GetModelVersion) cost the same gas whatever the
// artifact's size, and queries and genesis still give each version with its
// artifact, byte for byte.

// largeIris is the iris model with 400 KB of whitespace in its artifact.
var largeIris = zktest.Padded(models.IrisArtifact, 400_000)

// registerArtifact registers the iris model with art as its artifact and
// returns its id.
func (f *fixture) registerArtifact(t *testing.T, art []byte) uint64 {
	t.Helper()
	msg := f.irisRegistration()
	msg.Artifact, msg.ArtifactHash = art, sha(art)
	res, err := f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(t, err)
	return res.Id
}

// versionReadGas is the gas GetModelVersion charges for version 1 of a model.
func (f *fixture) versionReadGas(t *testing.T, id uint64) (types.ModelVersion, uint64) {
	t.Helper()
	ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	v, err := f.k.GetModelVersion(ctx, id, 1)
	require.NoError(t, err)
	return v, ctx.GasMeter().GasConsumed()
}

func TestVersionReadGasIgnoresTheArtifact(t *testing.T) {
	f := newFixture(t)
	small, large := f.register(t), f.registerArtifact(t, largeIris)

	vSmall, gasSmall := f.versionReadGas(t, small)
	vLarge, gasLarge := f.versionReadGas(t, large)
	require.Equal(t, gasSmall, gasLarge, "reading a version costs the same gas whatever its artifact's size")
	require.Less(t, gasSmall, uint64(10_000), "no artifact is read")
	for _, v := range []types.ModelVersion{vSmall, vLarge} {
		require.Nil(t, v.Artifact)
		require.NotEmpty(t, v.VerifyingKey)
		require.Equal(t, irisSchema(), v.InputSchema)
	}
	require.Equal(t, sha(models.IrisArtifact), vSmall.ArtifactHash)
	require.Equal(t, sha(largeIris), vLarge.ArtifactHash)
}

func TestQueriesGiveTheArtifact(t *testing.T) {
	f := newFixture(t)
	id := f.registerArtifact(t, largeIris)

	model, err := f.queries.Model(f.ctx, &types.QueryModelRequest{Id: id})
	require.NoError(t, err)
	require.Equal(t, largeIris, model.CurrentVersion.Artifact)
	require.Equal(t, sha(largeIris), model.CurrentVersion.ArtifactHash)
	version, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: id, Version: 1})
	require.NoError(t, err)
	require.Equal(t, model.CurrentVersion, version.ModelVersion)
	withArtifact, err := f.k.ModelVersionWithArtifact(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, version.ModelVersion, withArtifact)

	_, err = f.k.ModelVersionWithArtifact(f.ctx, id, 2)
	require.ErrorIs(t, err, types.ErrVersionNotFound)
	_, err = f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: id, Version: 2})
	require.ErrorContains(t, err, "code = NotFound desc = model 1 version 2 not found")
}

// TestRewrittenVersionsKeepTheirArtifact: a new version and a retirement
// rewrite version records read without their artifact; every version keeps
// its own.
func TestRewrittenVersionsKeepTheirArtifact(t *testing.T) {
	f := newFixture(t)
	id := f.registerArtifact(t, largeIris)
	reg := f.irisRegistration()
	_, err := f.msgs.UpdateModel(f.ctx, &types.MsgUpdateModel{
		Owner: f.owner, Id: id, ProofSystem: reg.ProofSystem, VerifyingKey: reg.VerifyingKey,
		Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
	})
	require.NoError(t, err)
	require.NoError(t, f.k.RetireVersion(f.ctx, f.authority, id, 1))

	for version, want := range map[uint64][]byte{1: largeIris, 2: models.IrisArtifact} {
		res, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: id, Version: version})
		require.NoError(t, err)
		require.Equal(t, want, res.ModelVersion.Artifact, "version %d", version)
	}
	v, err := f.k.GetModelVersion(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, types.SETUP_STATUS_RETIRED, v.SetupStatus)
}

// TestGenesisCarriesTheArtifacts: export gives each version with its
// artifact, and an import stores them apart again.
func TestGenesisCarriesTheArtifacts(t *testing.T) {
	f := newFixture(t)
	small, large := f.register(t), f.registerArtifact(t, largeIris)
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Versions, 2)
	require.Equal(t, models.IrisArtifact, exported.Versions[0].Artifact)
	require.Equal(t, largeIris, exported.Versions[1].Artifact)

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	_, gasSmall := g.versionReadGas(t, small)
	_, gasLarge := g.versionReadGas(t, large)
	require.Equal(t, gasSmall, gasLarge, "imported versions are stored without their artifact too")
}

// TestMigrate2to3StoresArtifactsApart: a version that consensus version 2
// stored with its artifact in the record is rewritten without it, and
// queries give it with the same artifact.
func TestMigrate2to3StoresArtifactsApart(t *testing.T) {
	f := newFixture(t)
	id := f.registerArtifact(t, largeIris)
	before, err := f.k.ModelVersionWithArtifact(f.ctx, id, 1)
	require.NoError(t, err)
	key := collections.Join(id, uint64(1))
	require.NoError(t, f.k.Versions.Set(f.ctx, key, before)) // the layout of version 2
	require.NoError(t, f.k.Artifacts.Remove(f.ctx, key))
	_, oldGas := f.versionReadGas(t, id)

	require.NoError(t, keeper.NewMigrator(f.k).Migrate2to3(f.ctx))

	v, gas := f.versionReadGas(t, id)
	require.Nil(t, v.Artifact)
	require.Less(t, gas, oldGas/10, "the version's read no longer pays for the artifact")
	after, err := f.k.ModelVersionWithArtifact(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, before, after)
	require.Equal(t, largeIris, after.Artifact)
}
