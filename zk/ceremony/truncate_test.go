package ceremony_test

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/models"
)

// Truncating sealed commons gives exactly the commons a phase 1 of the smaller size would have
// sealed for the same secrets: shown on the insecure test phase 1, whose secrets are fixed.
func TestTruncatedPhase1IsThePhase1OfTheSmallerSize(t *testing.T) {
	big, err := ceremony.InsecureTestPhase1(1 << 8)
	require.NoError(t, err)
	small, err := ceremony.InsecureTestPhase1(1 << 5)
	require.NoError(t, err)
	cut, err := ceremony.TruncatePhase1(big, 1<<5)
	require.NoError(t, err)
	require.Equal(t, small, cut)

	same, err := ceremony.TruncatePhase1(big, 1<<8)
	require.NoError(t, err)
	require.Equal(t, big, same)
	_, err = ceremony.TruncatePhase1(small, 1<<6)
	require.ErrorIs(t, err, ceremony.ErrDomainSize)

	a1, err := ceremony.Anchor(big)
	require.NoError(t, err)
	a2, err := ceremony.Anchor(small)
	require.NoError(t, err)
	require.Equal(t, a1, a2, "the anchor does not depend on the domain size")
}

// A real (random) phase 1 twice the size iris needs, truncated by Begin: gnark's own
// VerifyPhase2 on the truncated commons accepts the transcript and yields Finalize's keys, and
// they prove and verify.
func TestKeysFromTruncatedRealPhase1Work(t *testing.T) {
	if testing.Short() {
		t.Skip("a real phase 1 of 2^11 and two phase-2 initializations; TestTruncatedPhase1IsThePhase1OfTheSmallerSize covers truncation")
	}
	files := phase1Chain(t, 1<<11, 1)
	phase1, err := ceremony.SealPhase1(files, []byte("beacon"))
	require.NoError(t, err)
	s, err := ceremony.Begin(models.IrisArtifact, phase1)
	require.NoError(t, err)
	require.Equal(t, uint64(1<<10), s.DomainSize)
	state, _, err := ceremony.Contribute(s.State)
	require.NoError(t, err)
	keys, err := ceremony.Finalize(models.IrisArtifact, phase1, [][]byte{state}, []byte("final"))
	require.NoError(t, err)
	proveIris(t, keys)

	cut, err := ceremony.TruncatePhase1(phase1, 1<<10)
	require.NoError(t, err)
	var commons mpcsetup.SrsCommons
	_, err = commons.ReadFrom(bytes.NewReader(cut))
	require.NoError(t, err)
	var contribution mpcsetup.Phase2
	_, err = contribution.ReadFrom(bytes.NewReader(state))
	require.NoError(t, err)
	a, err := artifact.Parse(models.IrisArtifact)
	require.NoError(t, err)
	ccs, err := circuit.Compile(a)
	require.NoError(t, err)
	_, vk, err := mpcsetup.VerifyPhase2(ccs.(*cs.R1CS), &commons, []byte("final"), &contribution)
	require.NoError(t, err)
	var vkBytes bytes.Buffer
	_, err = vk.WriteTo(&vkBytes)
	require.NoError(t, err)
	require.Equal(t, vkBytes.Bytes(), keys.VerifyingKey)
}
