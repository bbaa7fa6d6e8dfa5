package keeper_test

import (
	"bytes"
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
)

// finishedSetupGenesis exports a registry holding a finalized three-party
// setup (version 1) and an open one with one contribution (version 2).
func finishedSetupGenesis(t *testing.T) *types.GenesisState {
	t.Helper()
	f := newSetupFixture(t)
	f.begin(t)
	f.contribute(t, f.c1, f.c2, f.validator)
	_, err := f.finalize()
	require.NoError(t, err)
	reg := f.irisRegistration()
	_, err = f.msgs.UpdateModel(f.ctx, &types.MsgUpdateModel{
		Owner: f.owner, Id: f.id, ProofSystem: reg.ProofSystem,
		Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
	})
	require.NoError(t, err)
	_, err = f.msgs.BeginSetup(f.ctx, f.ceremony.BeginMsg(f.owner, f.id, 2))
	require.NoError(t, err)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	return gs
}

// TestGenesisValidatesSetups checks that genesis refuses setups inconsistent
// with their versions or contributions.
func TestGenesisValidatesSetups(t *testing.T) {
	base := finishedSetupGenesis(t)
	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
		err    string
	}{
		{"a contribution missing", func(gs *types.GenesisState) { gs.SetupContributions = gs.SetupContributions[1:] }, "says 3 contributions, genesis has 2"},
		{"contributions out of order", func(gs *types.GenesisState) {
			gs.SetupContributions[0], gs.SetupContributions[1] = gs.SetupContributions[1], gs.SetupContributions[0]
		}, "contribution 1 has index 2"},
		{"one account twice", func(gs *types.GenesisState) {
			gs.SetupContributions[1].Contributor = gs.SetupContributions[0].Contributor
		}, "contributed twice"},
		{"last state not the last contribution's", func(gs *types.GenesisState) { gs.Setups[0].LastStateHash = gs.Setups[0].InitialStateHash }, "last state and delta differ"},
		{"a setup of an unknown version", func(gs *types.GenesisState) { gs.Setups[1].Version = 9 }, "setup of unknown model 1 version 9"},
		{"contributions without a setup", func(gs *types.GenesisState) { gs.Setups = gs.Setups[1:] }, "contributions to model 1 version 1, which has no setup"},
		{"a CEREMONY version without its setup", func(gs *types.GenesisState) {
			gs.Setups, gs.SetupContributions = gs.Setups[1:], nil
		}, "is CEREMONY without a setup"},
		{"a PENDING version with a key", func(gs *types.GenesisState) {
			gs.Versions[1].VerifyingKey, gs.Versions[1].VerifyingKeyHash = gs.Versions[0].VerifyingKey, gs.Versions[0].VerifyingKeyHash
		}, "a PENDING version has no verifying key"},
		{"a finalized setup of a PENDING version", func(gs *types.GenesisState) { gs.Setups[1].FinalizedHeight, gs.Setups[1].Beacon = 9, []byte{1} }, "finalized, but the version is SETUP_STATUS_PENDING"},
		{"a CEREMONY version whose key is not its hash's", func(gs *types.GenesisState) { gs.Versions[0].VerifyingKeyHash = make([]byte, 32) }, "verifying key hash mismatch"},
		{"an unknown status", func(gs *types.GenesisState) { gs.Versions[1].SetupStatus = 9 }, "invalid setup status 9"},
		{"latest version below the current one", func(gs *types.GenesisState) { gs.Models[0].Version, gs.Models[0].LatestVersion = 2, 1 }, "latest_version 1 is below"},
		{"a partial anchor", func(gs *types.GenesisState) { gs.Params.SetupAnchor.Beta2 = nil }, "setup_anchor must be wholly set or wholly empty"},
		{"an anchor that is not a phase 1", func(gs *types.GenesisState) {
			gs.Params.SetupAnchor.Beta1 = bytes.Clone(gs.Params.SetupAnchor.Alpha1)
		}, "beta1 and beta2 are not the same secret"},
		{"min contributors above the cap", func(gs *types.GenesisState) { gs.Params.MinSetupContributors = 33 }, "min_setup_contributors must be in [1, max_setup_contributions = 32], got 33"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := cloneGenesis(t, base)
			tc.mutate(gs)
			err := gs.Validate()
			require.Error(t, err)
			require.ErrorContains(t, err, tc.err)
		})
	}
}

// TestLegacyVersionsAreSinglePartyAfterMigration checks the 1 -> 2 migration
// and the genesis import of state from before ceremonies: versions without a
// status are SINGLE_PARTY (they had uploaded keys) and still take tasks.
func TestLegacyVersionsAreSinglePartyAfterMigration(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)
	key := collections.Join(id, uint64(1))
	v, err := f.k.Versions.Get(f.ctx, key)
	require.NoError(t, err)
	// As state written by consensus version 1: no status, the artifact in the record.
	v.SetupStatus, v.Artifact = types.SETUP_STATUS_UNSPECIFIED, models.IrisArtifact
	require.NoError(t, f.k.Versions.Set(f.ctx, key, v))
	require.NoError(t, f.k.Artifacts.Remove(f.ctx, key))
	m, err := f.k.GetModel(f.ctx, id)
	require.NoError(t, err)
	m.LatestVersion = 0
	require.NoError(t, f.k.Models.Set(f.ctx, id, m))
	legacy, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, legacy.Validate(), "a version 1 genesis is valid")

	require.NoError(t, keeper.NewMigrator(f.k).Migrate1to2(f.ctx))
	v, err = f.k.GetModelVersion(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, types.SETUP_STATUS_SINGLE_PARTY, v.SetupStatus)
	require.NoError(t, v.CheckTakesTasks())
	require.Nil(t, v.Artifact, "the migration stores the artifact apart")
	q, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: id, Version: 1})
	require.NoError(t, err)
	require.Equal(t, models.IrisArtifact, q.ModelVersion.Artifact)
	m, err = f.k.GetModel(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, uint64(1), m.LatestVersion)

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, legacy))
	v, err = g.k.GetModelVersion(g.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, types.SETUP_STATUS_SINGLE_PARTY, v.SetupStatus)
}

func cloneGenesis(t *testing.T, gs *types.GenesisState) *types.GenesisState {
	t.Helper()
	bz, err := gs.Marshal()
	require.NoError(t, err)
	var out types.GenesisState
	require.NoError(t, out.Unmarshal(bz))
	return &out
}
