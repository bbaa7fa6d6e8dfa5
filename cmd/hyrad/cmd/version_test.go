package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/version"
)

// TestFillVersionWithoutLdflags: a plain `go build` still says what it is.
func TestFillVersionWithoutLdflags(t *testing.T) {
	saved := [4]string{version.Name, version.AppName, version.Version, version.Commit}
	t.Cleanup(func() {
		version.Name, version.AppName, version.Version, version.Commit = saved[0], saved[1], saved[2], saved[3]
	})

	version.Name, version.AppName, version.Version, version.Commit = "", "<appd>", "", ""
	fillVersion()
	require.Equal(t, "hyra", version.Name)
	require.Equal(t, "hyrad", version.AppName)
	require.Equal(t, devVersion, version.Version, "a test binary has no VCS version")

	version.Version, version.Commit = "v0.3.1", "abc"
	fillVersion()
	require.Equal(t, "v0.3.1", version.Version, "the Makefile's ldflags win")
	require.Equal(t, "abc", version.Commit)
}
