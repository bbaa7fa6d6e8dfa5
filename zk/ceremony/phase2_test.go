package ceremony_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/verifier"
)

func TestThreeContributorCeremonyGivesTheChainsKey(t *testing.T) {
	r := load(t, irisCeremony)
	require.Len(t, r.setup.VKK, verifier.SetupVKKSize)
	require.Equal(t, uint64(1024), r.setup.DomainSize)

	// The chain's view: every record verifies against the previous one, and the key the chain
	// builds from its records and the beacon is Finalize's.
	prevHash := r.setup.InitialStateHash
	prev1, prev2 := verifier.InitialDelta()
	for i, rec := range r.records {
		require.NoError(t, verifier.VerifySetupContribution(prevHash, prev1, prev2, rec), "record %d", i+1)
		prevHash, prev1, prev2 = rec.StateHash, rec.DeltaG1, rec.DeltaG2
	}
	anchor, err := ceremony.Anchor(r.phase1)
	require.NoError(t, err)
	chainKey, err := verifier.SetupVerifyingKey(anchor, r.setup.VKK, prevHash, prev1, prev2, r.beacon)
	require.NoError(t, err)
	require.Equal(t, chainKey, r.keys.VerifyingKey)

	report, err := ceremony.Verify(r.chainInput())
	require.NoError(t, err)
	require.Equal(t, r.records, report.Contributions)
	proveIris(t, r.keys)
}

// requireBadContribution checks err names contribution index and wraps sentinel.
func requireBadContribution(t *testing.T, err error, index int, sentinel error) {
	t.Helper()
	require.ErrorIs(t, err, sentinel)
	var ce *ceremony.ContributionError
	require.True(t, errors.As(err, &ce), "%v is not a ContributionError", err)
	require.Equal(t, index, ce.Index, "%v", err)
}

func TestVerifyDetectsATamperedContribution(t *testing.T) {
	r := load(t, tinyCeremony)
	in := r.chainInput()
	in.Records, in.VerifyingKey, in.Beacon = nil, nil, nil
	// Swap two of the proving key's Z points in contribution 2: every point still decodes, but
	// the update is no longer one secret applied to the previous state.
	bad := append([]byte{}, r.states[1]...)
	z := len(bad) - 1 - 32 - 96 - 64 - 32 // the last Z point (before delta2, proof, challenge)
	tmp := append([]byte{}, bad[z:z+32]...)
	copy(bad[z:z+32], bad[z-32:z])
	copy(bad[z-32:z], tmp)
	in.States = [][]byte{r.states[0], bad, r.states[2]}
	_, err := ceremony.Verify(in)
	requireBadContribution(t, err, 2, ceremony.ErrBadContribution)

	// A flipped byte fails to decode or to verify, and is named too.
	flipped := append([]byte{}, r.states[2]...)
	flipped[100] ^= 1
	in.States = [][]byte{r.states[0], r.states[1], flipped}
	_, err = ceremony.Verify(in)
	var ce *ceremony.ContributionError
	require.True(t, errors.As(err, &ce))
	require.Equal(t, 3, ce.Index, "%v", err)
}

func TestVerifyDetectsASkippedOrReorderedContribution(t *testing.T) {
	r := load(t, tinyCeremony)
	in := r.chainInput()
	in.Records, in.VerifyingKey, in.Beacon = nil, nil, nil
	in.States = [][]byte{r.states[0], r.states[2]}
	_, err := ceremony.Verify(in)
	requireBadContribution(t, err, 2, ceremony.ErrOutOfOrder)

	in.States = [][]byte{r.states[1], r.states[0], r.states[2]}
	_, err = ceremony.Verify(in)
	requireBadContribution(t, err, 1, ceremony.ErrOutOfOrder)

	// A transcript missing its last file does not match the chain's records.
	in = r.chainInput()
	in.States = r.states[:2]
	_, err = ceremony.Verify(in)
	require.ErrorIs(t, err, ceremony.ErrRecordMismatch)
}

func TestVerifyDetectsAContributionNotMatchingItsRecord(t *testing.T) {
	r := load(t, tinyCeremony)
	in := r.chainInput()
	in.Records = append([]verifier.SetupContribution{}, r.records...)
	in.Records[1].DeltaG1 = r.records[2].DeltaG1
	_, err := ceremony.Verify(in)
	requireBadContribution(t, err, 2, ceremony.ErrRecordMismatch)

	in = r.chainInput()
	in.InitialStateHash = r.records[0].StateHash
	_, err = ceremony.Verify(in)
	requireBadContribution(t, err, 0, ceremony.ErrInitialMismatch)
}

func TestVerifyDetectsAKeyNotFromTheArtifact(t *testing.T) {
	r := load(t, irisCeremony)
	other := load(t, tinyCeremony)

	// The key of another circuit's ceremony on the same phase 1.
	in := r.chainInput()
	in.VerifyingKey = other.keys.VerifyingKey
	_, err := ceremony.Verify(in)
	require.ErrorIs(t, err, ceremony.ErrKeyMismatch)

	// The bundled single-party key of the same artifact.
	in.VerifyingKey = models.IrisVerifyingKey
	_, err = ceremony.Verify(in)
	require.ErrorIs(t, err, ceremony.ErrKeyMismatch)

	// Another circuit's transcript presented for this artifact.
	in = r.chainInput()
	in.States, in.Records, in.Initial = other.states, nil, nil
	_, err = ceremony.Verify(in)
	requireBadContribution(t, err, 1, ceremony.ErrMalformed)

	// The right transcript with another beacon: the key differs.
	in = r.chainInput()
	in.Beacon = []byte("another beacon")
	_, err = ceremony.Verify(in)
	require.ErrorIs(t, err, ceremony.ErrKeyMismatch)
}

func TestFinalizeRefusesAnEmptyTranscript(t *testing.T) {
	r := load(t, tinyCeremony)
	_, err := ceremony.Finalize(r.artifact, r.phase1, nil, r.beacon)
	require.ErrorIs(t, err, ceremony.ErrNoContributions)
	_, err = ceremony.Finalize(r.artifact, r.phase1, r.states, nil)
	require.ErrorIs(t, err, ceremony.ErrBeacon)
}

// The cached phase-2 start cannot be changed through what Begin and Verify return, and a
// recomputed start is the same.
func TestPreparedStartIsNotSharedWithCallers(t *testing.T) {
	r := load(t, tinyCeremony)
	s, err := ceremony.Begin(r.artifact, r.phase1)
	require.NoError(t, err)
	want := append([]byte{}, s.State...)
	s.State[10] ^= 0xff
	s.VKK[0] ^= 0xff
	again, err := ceremony.Begin(r.artifact, r.phase1)
	require.NoError(t, err)
	require.Equal(t, want, again.State)
	require.Equal(t, r.setup.VKK, again.VKK)
	ceremony.ForgetPrepared()
	fresh, err := ceremony.Begin(r.artifact, r.phase1)
	require.NoError(t, err)
	require.Equal(t, again, fresh)
	_, err = ceremony.Verify(r.chainInput())
	require.NoError(t, err)
}
