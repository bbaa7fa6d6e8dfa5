package zktest_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

func TestIris(t *testing.T) {
	art, vk, prove := zktest.Iris(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	require.NoError(t, verifier.CheckVerifyingKey(vk))
	worker := make([]byte, 20)
	for i, in := range zktest.IrisInputs(t)[:3] {
		out, proof := prove("hyra-test-1", uint64(i), worker, in)
		want, err := a.Infer(in)
		require.NoError(t, err)
		require.Equal(t, vector.Encode(want), out)
		st := verifier.Statement{ChainID: "hyra-test-1", TaskID: uint64(i), Worker: worker, InputCommitment: zktest.InputCommitment(t, in), Output: out}
		require.NoError(t, verifier.Verify(vk, proof, st))
	}
}

func TestDigits(t *testing.T) {
	art, vk, prove := zktest.Digits(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	require.NoError(t, verifier.CheckVerifyingKey(vk))
	worker := make([]byte, 20)
	in := zktest.DigitsInputs(t)[0]
	out, proof := prove("hyra-test-1", 9, worker, in)
	want, err := a.Infer(in)
	require.NoError(t, err)
	require.Equal(t, vector.Encode(want), out)
	st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 9, Worker: worker, InputCommitment: zktest.InputCommitment(t, in), Output: out}
	require.NoError(t, verifier.Verify(vk, proof, st))
	st.TaskID = 10
	require.ErrorIs(t, verifier.Verify(vk, proof, st), verifier.ErrInvalidProof)
}

// TestVerifierFixtureInSync keeps zk/verifier/testdata on the committed iris keys.
func TestVerifierFixtureInSync(t *testing.T) {
	_, vk, _ := zktest.Iris(t)
	fixture, err := os.ReadFile("../verifier/testdata/iris_verifying.key")
	require.NoError(t, err)
	require.Equal(t, vk, fixture, "regenerate with: go test ./zk/verifier -run TestUpdateFixture -update")
}

// TestDigitsPrivate: the private-capable digits model proves a private task (the client opens
// the sealed output into the model's output) and a public one, each against the statement the
// chain builds.
func TestDigitsPrivate(t *testing.T) {
	if testing.Short() {
		t.Skip("digits-private setup takes about a second")
	}
	art, vk, prove, provePrivate := zktest.DigitsPrivate(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	require.True(t, a.Private)
	worker := make([]byte, 20)
	in := zktest.DigitsInputs(t)[0]
	want, err := a.Infer(in)
	require.NoError(t, err)

	r, err := private.NewBlinding()
	require.NoError(t, err)
	sealed, proof := provePrivate("hyra-test-1", 9, worker, in, r)
	hiding, err := verifier.HidingInputOf(in, a.InputScheme(), r)
	require.NoError(t, err)
	st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 9, Worker: worker, InputCommitment: hiding, Output: sealed, Sealed: true}
	require.NoError(t, verifier.Verify(vk, proof, st))
	ct, err := commit.DecodeSealed(sealed, a.Output.Length)
	require.NoError(t, err)
	got, err := commit.OpenOutput(ct, r, commit.MinValue, commit.MaxValue)
	require.NoError(t, err)
	require.Equal(t, want, got)

	out, proof := prove("hyra-test-1", 10, worker, in)
	require.Equal(t, vector.Encode(want), out)
	stored, err := verifier.PublicHidingInput(zktest.InputCommitment(t, in))
	require.NoError(t, err)
	publicSealed, err := verifier.PublicSealedOutput(out)
	require.NoError(t, err)
	st = verifier.Statement{ChainID: "hyra-test-1", TaskID: 10, Worker: worker, InputCommitment: stored, Output: publicSealed, Sealed: true}
	require.NoError(t, verifier.Verify(vk, proof, st))
}

// TestPadded: a padded artifact is the same model under another hash.
func TestPadded(t *testing.T) {
	art, _, _ := zktest.Iris(t)
	padded := zktest.Padded(art, 1000)
	require.Len(t, padded, len(art)+1000)
	want, err := artifact.Parse(art)
	require.NoError(t, err)
	got, err := artifact.Parse(padded)
	require.NoError(t, err)
	require.Equal(t, want, got)
}
