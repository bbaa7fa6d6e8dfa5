package keeper_test

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/commit"
)

// pixelsV2 is a hyra-qnn/v2 artifact taking 4 pixels in 0..255.
const pixelsV2 = `{"format": "hyra-qnn/v2", "name": "pixels", "input": {"shape": [4], "min": 0, "max": 255},
 "ops": [{"op": "dense", "out": 3, "weights": [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1], "biases": [0, 0, 0]}],
 "output": {"length": 3}}`

// TestVersionStoresInputScheme: registration stores how the artifact commits to its input, so
// that x/taskpool never parses the artifact per task: the v1 packing (0) for the v1 iris model,
// 8-bit dense lanes for a v2 model of 0..255 pixels.
func TestVersionStoresInputScheme(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)
	v1, err := f.k.GetModelVersion(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, commit.InputScheme{}, v1.InputScheme())

	msg := f.irisRegistration()
	h := sha256.Sum256([]byte(pixelsV2))
	msg.Name, msg.Artifact, msg.ArtifactHash = "pixels", []byte(pixelsV2), h[:]
	msg.InputSchema, msg.OutputLength = types.InputSchema{Length: 4, MinValue: 0, MaxValue: 255}, 3
	res, err := f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(t, err)
	v2, err := f.k.GetModelVersion(f.ctx, res.Id, 1)
	require.NoError(t, err)
	require.Equal(t, uint32(8), v2.InputLaneBits)
	require.Equal(t, commit.DenseScheme(0, 255), v2.InputScheme())
}

// TestGenesisRefusesLaneWidth: a version with a lane width no scheme has is refused at genesis.
func TestGenesisRefusesLaneWidth(t *testing.T) {
	f := newFixture(t)
	f.register(t)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	gs.Versions[0].InputLaneBits = 33
	require.ErrorContains(t, gs.Validate(), "lane width 33")
}
