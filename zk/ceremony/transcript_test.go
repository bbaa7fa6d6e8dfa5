package ceremony_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/verifier"
)

func TestTranscriptDirectoryRoundTrip(t *testing.T) {
	r := load(t, tinyCeremony)
	dir := ceremony.TranscriptDir(t.TempDir(), "tiny", 2)
	require.Equal(t, "tiny-v2", filepath.Base(dir))
	require.NoError(t, ceremony.CreateTranscript(dir, "tiny", 2, r.setup))
	require.ErrorIs(t, ceremony.CreateTranscript(dir, "tiny", 2, r.setup), ceremony.ErrTranscript)

	tr, err := ceremony.LoadTranscript(dir)
	require.NoError(t, err)
	require.Equal(t, r.setup.State, tr.Last())
	for i, s := range r.states {
		require.NoError(t, ceremony.AddContribution(dir, "hyra1contributor"+string(rune('a'+i)), s))
	}
	require.ErrorIs(t, ceremony.AddContribution(dir, "../evil", r.states[0]), ceremony.ErrTranscript)
	require.NoError(t, ceremony.SetFinal(dir, r.beacon, r.keys.VerifyingKey))

	tr, err = ceremony.LoadTranscript(dir)
	require.NoError(t, err)
	require.Equal(t, r.states, tr.States)
	require.Equal(t, r.setup.State, tr.Initial)
	require.Equal(t, "002-hyra1contributorb.bin", tr.Manifest.Contributions[1].File)
	require.Equal(t, uint64(2), tr.Manifest.Version)

	in := r.chainInput()
	in.States, in.Initial = tr.States, tr.Initial
	_, err = ceremony.Verify(in)
	require.NoError(t, err)

	// A file changed after it was listed is caught on load.
	path := filepath.Join(dir, tr.Manifest.Contributions[2].File)
	require.NoError(t, os.WriteFile(path, r.states[1], 0o644))
	_, err = ceremony.LoadTranscript(dir)
	require.ErrorIs(t, err, ceremony.ErrTranscript)
}

// A contributor checks the transcript against what the chain recorded before contributing: K
// points that are not the artifact's, or a transcript that differs from the chain's records, are
// refused and nothing is added.
func TestContributeDirChecksTheChainsRecords(t *testing.T) {
	r := load(t, tinyCeremony)
	iris := load(t, irisCeremony)
	dir := t.TempDir()
	require.NoError(t, ceremony.CreateTranscript(dir, "tiny", 1, r.setup))
	chain := &ceremony.ChainRecords{InitialStateHash: r.setup.InitialStateHash, VKK: iris.setup.VKK}
	_, err := ceremony.ContributeDir(dir, "alice", r.artifact, r.phase1, chain)
	requireBadContribution(t, err, 0, ceremony.ErrInitialMismatch)

	chain.VKK = r.setup.VKK
	rec, err := ceremony.ContributeDir(dir, "alice", r.artifact, r.phase1, chain)
	require.NoError(t, err)
	// The chain has not recorded alice's contribution: bob must not build on it.
	_, err = ceremony.ContributeDir(dir, "bob", r.artifact, r.phase1, chain)
	require.ErrorIs(t, err, ceremony.ErrRecordMismatch)
	chain.Contributions = []verifier.SetupContribution{rec}
	_, err = ceremony.ContributeDir(dir, "bob", r.artifact, r.phase1, chain)
	require.NoError(t, err)
	tr, err := ceremony.LoadTranscript(dir)
	require.NoError(t, err)
	require.Len(t, tr.States, 2)
}
