package e2e_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVersionFromMakeBuild: `make build` stamps the binary with a semantic
// version from git describe (v0.0.0-g<commit> before the first v* tag), the
// commit and hyra's names; `hyrad version --long` prints them with Go's version.
func TestVersionFromMakeBuild(t *testing.T) {
	dir := t.TempDir()
	build := exec.Command("make", "-s", "build", "BUILDDIR="+dir)
	build.Dir = "../.."
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	require.NoError(t, err)

	bin := filepath.Join(dir, "hyrad")
	short, err := exec.Command(bin, "version").Output()
	require.NoError(t, err)
	require.Regexp(t, `^v\d+\.\d+\.\d+(-\S+)?\n$`, string(short))
	long, err := exec.Command(bin, "version", "--long").Output()
	require.NoError(t, err)
	for _, want := range []string{
		"name: hyra\n", "server_name: hyrad\n", "version: " + string(short),
		"commit: " + strings.TrimSpace(string(head)) + "\n", "go: go version go1.",
	} {
		require.Contains(t, string(long), want)
	}
}
