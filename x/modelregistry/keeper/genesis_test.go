package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.register(t)
	id := f.register(t)
	reg := f.irisRegistration()
	_, err := f.msgs.UpdateModel(f.ctx, &types.MsgUpdateModel{
		Owner: f.owner, Id: id, ProofSystem: reg.ProofSystem, VerifyingKey: reg.VerifyingKey,
		Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
	})
	require.NoError(t, err)
	_, err = f.msgs.TransferModelOwnership(f.ctx, &types.MsgTransferModelOwnership{Owner: f.owner, Id: 1, NewOwner: f.other})
	require.NoError(t, err)
	_, err = f.k.RecordTaskCompleted(f.ctx, id, sdk.NewInt64Coin(denom, 1500))
	require.NoError(t, err)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Models, 2)
	require.Len(t, exported.Versions, 3)
	require.Equal(t, uint64(3), exported.NextModelId)

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	// The imported chain carries on: indexes and the id sequence work.
	byOwner, err := g.queries.ModelsByOwner(g.ctx, &types.QueryModelsByOwnerRequest{Owner: f.other})
	require.NoError(t, err)
	require.Len(t, byOwner.Models, 1)
	require.Equal(t, uint64(3), g.register(t))
	m, err := g.k.GetModel(g.ctx, id)
	require.NoError(t, err)
	require.Equal(t, uint64(1), m.TasksCompleted)
	require.Equal(t, "1500uhyra", m.VolumePaid.String())
}

func TestGenesisValidate(t *testing.T) {
	f := newFixture(t)
	f.register(t)
	valid, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
		err    string
	}{
		{"success - exported state", func(*types.GenesisState) {}, ""},
		{"success - default", func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() }, ""},
		{"error - bad params", func(gs *types.GenesisState) { gs.Params.MaxArtifactSize = 0 }, "max_artifact_size"},
		{"error - zero next id", func(gs *types.GenesisState) { gs.NextModelId = 0 }, "next_model_id must be positive"},
		{"error - id not below next id", func(gs *types.GenesisState) { gs.NextModelId = 1 }, "out of range"},
		{"error - duplicate model", func(gs *types.GenesisState) { gs.Models = append(gs.Models, gs.Models[0]) }, "duplicate model id 1"},
		{"error - version of unknown model", func(gs *types.GenesisState) { gs.Versions[0].ModelId = 5 }, "unknown model 5"},
		{"error - missing version", func(gs *types.GenesisState) { gs.Versions = nil }, "missing version 1"},
		{"error - tampered artifact", func(gs *types.GenesisState) {
			gs.Versions[0].Artifact = append([]byte{}, gs.Versions[0].Artifact[1:]...)
		}, "artifact hash mismatch"},
		{"error - tampered verifying key", func(gs *types.GenesisState) { gs.Versions[0].VerifyingKeyHash = sha(nil) }, "verifying key hash mismatch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := f.k.ExportGenesis(f.ctx)
			require.NoError(t, err)
			require.Equal(t, valid, gs)
			tc.mutate(gs)
			if tc.err == "" {
				require.NoError(t, gs.Validate())
			} else {
				require.ErrorContains(t, gs.Validate(), tc.err)
			}
		})
	}
}

func TestParamsValidate(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	p.MaxDescriptionLength = 0
	require.ErrorContains(t, p.Validate(), "max_description_length must be in [1, 16384]")
}
