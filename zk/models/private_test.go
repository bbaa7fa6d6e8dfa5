package models_test

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
)

var updatePrivate = flag.Bool("update-private", false, "rewrite digits-private/artifact.json from digits/artifact.json")

// TestDigitsPrivateIsDigitsWithTheFlag: the private-capable digits model is the digits model,
// weights and all, with "private": true and its own name (so the two never share a hash), written
// by artifact.Encode. Regenerate: go test ./zk/models -run TestDigitsPrivate -update-private.
func TestDigitsPrivateIsDigitsWithTheFlag(t *testing.T) {
	a, err := artifact.Parse(models.DigitsArtifact)
	require.NoError(t, err)
	a.Name, a.Private = "digits-private", true
	a.Description = "the digits model, private-capable: " + a.Description
	want, err := artifact.Encode(a)
	require.NoError(t, err)
	if *updatePrivate {
		require.NoError(t, os.WriteFile("digits-private/artifact.json", want, 0o644))
		return
	}
	require.Equal(t, string(want), string(models.DigitsPrivateArtifact))
	p, err := artifact.Parse(models.DigitsPrivateArtifact)
	require.NoError(t, err)
	require.True(t, p.Private)
	require.Equal(t, a.Layers, p.Layers)
}
