package artifact_test

import (
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
)

// TestBundledArtifactsUnchangedByPrivateFlag pins the hashes of the bundled artifacts from before
// the "private" flag existed: they still parse as not private and Encode writes them byte for
// byte, so registered model versions keep their hash (and their circuit).
func TestBundledArtifactsUnchangedByPrivateFlag(t *testing.T) {
	mlp, err := os.ReadFile("../models/mnist-mlp/artifact.json")
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		b    []byte
		hash string
	}{
		{"digits", models.DigitsArtifact, "a5902b8f03dc21ef0a8fce66b629b5769a063e4ac69d10fd7bda900c9b5b115f"},
		{"iris", models.IrisArtifact, "460c996f47d18ca09fb4ec2a0b83d637e191cb312ca92bba4e92baf1d319d4c6"},
		{"mnist-cnn", models.MNISTCNNArtifact, "972b17d65b5f3120cd5a64284a43890e5f573c5721b038fc4836064c41480def"},
		{"mnist-mlp", mlp, "e0b97e22b9f2e93b48e24a893c986cd481d585e645e3b6aeb24dd08e63541252"},
	} {
		require.Equal(t, c.hash, hex.EncodeToString(artifact.Hash(c.b)), c.name)
		a, err := artifact.Parse(c.b)
		require.NoError(t, err, c.name)
		require.False(t, a.Private, c.name)
		enc, err := artifact.Encode(a)
		require.NoError(t, err)
		require.Equal(t, string(c.b), string(enc), c.name)
	}
}

// TestPrivateFlagRoundTrip: "private": true parses in v1 and v2, Encode writes it (and only
// when true), and the flag changes the bytes and so the hash.
func TestPrivateFlagRoundTrip(t *testing.T) {
	for name, doc := range map[string]string{"v1": testmodel.JSON, "v2": testmodel.JSONV2} {
		a, err := artifact.Parse([]byte(doc))
		require.NoError(t, err, name)
		plain, err := artifact.Encode(a)
		require.NoError(t, err)
		require.NotContains(t, string(plain), `"private"`, name)

		a.Private = true
		enc, err := artifact.Encode(a)
		require.NoError(t, err)
		require.Contains(t, string(enc), `"private": true`, name)
		require.NotEqual(t, artifact.Hash(plain), artifact.Hash(enc))
		back, err := artifact.Parse(enc)
		require.NoError(t, err, name)
		require.True(t, back.Private, name)
		again, err := artifact.Encode(back)
		require.NoError(t, err)
		require.Equal(t, string(enc), string(again), name)

		bad := strings.Replace(string(enc), `"private": true`, `"private": 1`, 1)
		_, err = artifact.Parse([]byte(bad))
		require.ErrorIs(t, err, artifact.ErrInvalid, name)
	}
}
