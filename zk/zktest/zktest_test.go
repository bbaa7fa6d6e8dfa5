package zktest_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
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
