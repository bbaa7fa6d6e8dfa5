package prover_test

import (
	"io"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

var worker = []byte("0123456789abcdef0123")

func TestProveVerifyRoundTrip(t *testing.T) {
	a := testmodel.Artifact()
	keys, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	require.Len(t, keys.VerifyingKey, verifier.VerifyingKeySize)
	require.NoError(t, verifier.CheckVerifyingKey(keys.VerifyingKey))

	p, err := prover.New([]byte(testmodel.JSON), keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	for _, in := range [][]int64{{-4, 7, 3}, {0, 0, 0}, {7, -4, -4}} {
		out, proof, err := p.Prove("hyra-test-1", 42, worker, in)
		require.NoError(t, err)
		want, err := a.Infer(in)
		require.NoError(t, err)
		require.Equal(t, want, out)
		require.Len(t, proof, verifier.ProofSize)
		st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 42, Worker: worker, InputCommitment: inputCommitment(t, p, in), Output: vector.Encode(out)}
		require.NoError(t, verifier.Verify(keys.VerifyingKey, proof, st))
	}

	_, _, err = p.Prove("hyra-test-1", 42, worker, []int64{8, 0, 0})
	require.ErrorIs(t, err, artifact.ErrInvalid)
}

func TestNewRejectsForeignKeys(t *testing.T) {
	a := testmodel.Artifact()
	k1, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	k2, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	_, err = prover.New([]byte(testmodel.JSON), k1.ProvingKey, k2.VerifyingKey)
	require.ErrorIs(t, err, prover.ErrKeyMismatch)
}

// TestDigitsRoundTrip runs a real setup and proofs for the digits model.
func TestDigitsRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("digits setup takes about a second")
	}
	a, err := artifact.Parse(models.DigitsArtifact)
	require.NoError(t, err)
	keys, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	p, err := prover.New(models.DigitsArtifact, keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	s, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(t, err)
	for i, smp := range s.Samples[:3] {
		out, proof, err := p.Prove("hyra-test-1", uint64(i), worker, smp.Input)
		require.NoError(t, err)
		require.Equal(t, smp.Output, out)
		st := verifier.Statement{ChainID: "hyra-test-1", TaskID: uint64(i), Worker: worker, InputCommitment: inputCommitment(t, p, smp.Input), Output: vector.Encode(out)}
		require.NoError(t, verifier.Verify(keys.VerifyingKey, proof, st))
		st.TaskID++
		require.ErrorIs(t, verifier.Verify(keys.VerifyingKey, proof, st), verifier.ErrInvalidProof)
	}
}

func TestConcurrentProve(t *testing.T) {
	keys, err := setup.Generate(testmodel.Artifact(), io.Discard)
	require.NoError(t, err)
	p, err := prover.New([]byte(testmodel.JSON), keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := p.Prove("hyra-test-1", uint64(i), worker, []int64{int64(i) - 4, 1, 2})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

// TestV2ProveVerifyRoundTrip runs setup, proofs and the chain's verifier on a hyra-qnn/v2 CNN.
func TestV2ProveVerifyRoundTrip(t *testing.T) {
	a, err := artifact.Parse([]byte(testmodel.JSONV2))
	require.NoError(t, err)
	keys, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	require.Len(t, keys.VerifyingKey, verifier.VerifyingKeySize)
	p, err := prover.New([]byte(testmodel.JSONV2), keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	in := []int64{-3, 5, 0, 1, 2, -1, 4, 4, -2, 3, 0, 0, 5, -3, 1, 2}
	out, proof, err := p.Prove("hyra-test-1", 42, worker, in)
	require.NoError(t, err)
	want, err := a.Infer(in)
	require.NoError(t, err)
	require.Equal(t, want, out)
	st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 42, Worker: worker, InputCommitment: inputCommitment(t, p, in), Output: vector.Encode(out)}
	require.NoError(t, verifier.Verify(keys.VerifyingKey, proof, st))
	st.Output = vector.Encode([]int64{out[0], out[1] + 1})
	require.ErrorIs(t, verifier.Verify(keys.VerifyingKey, proof, st), verifier.ErrInvalidProof)

	in[0] = 6 // outside [-3, 5]
	_, _, err = p.Prove("hyra-test-1", 42, worker, in)
	require.ErrorIs(t, err, artifact.ErrInvalid)
}

// inputCommitment is the statement's input commitment of in under p's model's input scheme.
func inputCommitment(t testing.TB, p *prover.Prover, in []int64) []byte {
	t.Helper()
	c, err := verifier.InputCommitment(vector.Encode(in), p.Model().InputScheme())
	require.NoError(t, err)
	return c
}
