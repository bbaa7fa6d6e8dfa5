package cli_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/cli"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

// runStdout runs a zk command and returns its stdout alone (progress goes to stderr).
func runStdout(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := cli.NewZKCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

// TestCeremonyVerbs runs a whole setup through the CLI: an insecure test phase 1, begin, three
// contributions, finalize, then verify against the chain's records; the keys prove through the
// CLI's prove/verify; a transcript file changed afterwards is caught.
func TestCeremonyVerbs(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "artifact.json")
	require.NoError(t, os.WriteFile(art, []byte(testmodel.JSON), 0o644))
	phase1 := filepath.Join(dir, "phase1.bin")

	out, err := runStdout(t, "ceremony", "phase1", "insecure-test", "--size", "1024", "--out", phase1, "--output", "json")
	require.NoError(t, err, out)
	var shown struct {
		DomainSize uint64            `json:"domain_size"`
		Phase1Hash string            `json:"phase1_hash"`
		Anchor     map[string]string `json:"anchor"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &shown))
	require.Equal(t, uint64(1024), shown.DomainSize)
	require.Len(t, shown.Anchor["beta2"], 128)

	out, err = runStdout(t, "ceremony", "begin", "--artifact", art, "--phase1", phase1, "--model", "tiny", "--version", "1",
		"--dir", filepath.Join(dir, "t"), "--output", "json")
	require.NoError(t, err, out)
	var chain cli.ChainJSON
	require.NoError(t, json.Unmarshal([]byte(out), &chain))
	require.Len(t, chain.VKK, 256)

	common := []string{"--dir", filepath.Join(dir, "t"), "--artifact", art, "--phase1", phase1}
	chainFile := filepath.Join(dir, "chain.json")
	writeChain := func() {
		b, err := json.Marshal(chain)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(chainFile, b, 0o644))
	}
	for _, who := range []string{"hyra1alice", "hyra1bob", "hyra1carol"} {
		writeChain()
		out, err = runStdout(t, append([]string{"ceremony", "contribute", "--contributor", who, "--chain", chainFile, "--output", "json"}, common...)...)
		require.NoError(t, err, out)
		var rec cli.RecordJSON
		require.NoError(t, json.Unmarshal([]byte(out), &rec))
		chain.Contributions = append(chain.Contributions, rec)
	}
	require.Equal(t, 3, chain.Contributions[2].Index)

	// A contributor whose chain records other K points refuses to contribute.
	good := chain.VKK
	chain.VKK = chain.Contributions[0].DeltaG1 + chain.Contributions[1].DeltaG1 + chain.Contributions[2].DeltaG1 + chain.Contributions[0].DeltaG1
	writeChain()
	_, err = runStdout(t, append([]string{"ceremony", "contribute", "--contributor", "hyra1mallory", "--chain", chainFile}, common...)...)
	require.ErrorContains(t, err, "not contributing")
	chain.VKK = good

	keys := filepath.Join(dir, "keys")
	out, err = runStdout(t, append([]string{"ceremony", "finalize", "--beacon", "0a0b0c", "--out", keys}, common...)...)
	require.NoError(t, err, out)
	vk, err := os.ReadFile(filepath.Join(keys, "verifying.key"))
	require.NoError(t, err)
	require.Len(t, vk, 428)

	chain.Beacon = "0a0b0c"
	chain.VerifyingKey = hex.EncodeToString(vk)
	writeChain()
	out, err = runStdout(t, append([]string{"ceremony", "verify", "--chain", chainFile}, common...)...)
	require.NoError(t, err, out)
	require.Contains(t, out, "transcript OK: 3 contributions")

	// The single-party key of the same artifact is not the setup's.
	out, err = runStdout(t, "setup", "--artifact", art, "--out", filepath.Join(dir, "single"))
	require.NoError(t, err, out)
	single, err := os.ReadFile(filepath.Join(dir, "single", "verifying.key"))
	require.NoError(t, err)
	chain.VerifyingKey = hex.EncodeToString(single)
	writeChain()
	_, err = runStdout(t, append([]string{"ceremony", "verify", "--chain", chainFile}, common...)...)
	require.ErrorContains(t, err, "verifying key does not match")

	// Transcript files changed after they were listed are caught (ceremony's own tests show that
	// a consistent manifest over swapped files fails on the chain of challenges).
	m := filepath.Join(dir, "t", "002-hyra1bob.bin")
	c := filepath.Join(dir, "t", "003-hyra1carol.bin")
	b2, _ := os.ReadFile(m)
	b3, _ := os.ReadFile(c)
	require.NoError(t, os.WriteFile(m, b3, 0o644))
	require.NoError(t, os.WriteFile(c, b2, 0o644))
	_, err = runStdout(t, append([]string{"ceremony", "verify"}, common...)...)
	require.ErrorContains(t, err, "manifest lists")
}
