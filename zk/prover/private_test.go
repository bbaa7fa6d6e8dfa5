package prover_test

import (
	"io"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// privateTiny returns the verifying key and a prover of the tiny test model with the "private"
// flag, from a setup (0.3 s).
func privateTiny(t *testing.T) ([]byte, *prover.Prover) {
	t.Helper()
	a := testmodel.Artifact()
	a.Private = true
	doc, err := artifact.Encode(a)
	require.NoError(t, err)
	keys, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	p, err := prover.New(doc, keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	return keys.VerifyingKey, p
}

// TestPrivateProveVerifyRoundTrip: a real Groth16 proof of a private task verifies against the
// statement the chain builds from what it stores (the client's hiding input, the submitted
// sealed output), the client opens the sealed output into the model's output, and any other
// statement fails.
func TestPrivateProveVerifyRoundTrip(t *testing.T) {
	vk, p := privateTiny(t)
	in := []int64{-4, 7, 3}
	r, err := private.NewBlinding()
	require.NoError(t, err)
	res, err := p.ProveBlinded("hyra-test-1", 42, worker, in, r)
	require.NoError(t, err)
	want, err := p.Model().Infer(in)
	require.NoError(t, err)
	require.Equal(t, want, res.Output)

	// What the chain has: the client's commitment and the worker's submitted bytes.
	hiding, err := verifier.HidingInputOf(in, p.Model().InputScheme(), r)
	require.NoError(t, err)
	submitted := commit.EncodeSealed(res.Sealed)
	st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 42, Worker: worker, InputCommitment: hiding, Output: submitted, Sealed: true}
	require.Equal(t, st, res.Statement)
	require.NoError(t, verifier.Verify(vk, res.Proof, st))

	// The client decrypts exactly the model's output.
	ct, err := commit.DecodeSealed(submitted, len(want))
	require.NoError(t, err)
	opened, err := commit.OpenOutput(ct, r, commit.MinValue, commit.MaxValue)
	require.NoError(t, err)
	require.Equal(t, want, opened)

	// The chain's Verifier: batched, cached, and the cache never answers for the plain reading.
	v := verifier.New()
	bad := st
	bad.TaskID++
	errs := v.VerifyBatch([]verifier.Item{{VK: vk, Proof: res.Proof, St: st}, {VK: vk, Proof: res.Proof, St: bad}})
	require.NoError(t, errs[0])
	require.ErrorIs(t, errs[1], verifier.ErrInvalidProof)
	require.True(t, v.Cached(vk, res.Proof, st))
	plain := st
	plain.Sealed = false
	require.False(t, v.Cached(vk, res.Proof, plain))
	require.Error(t, v.Verify(vk, res.Proof, plain))

	otherHiding, err := verifier.HidingInputOf(in, p.Model().InputScheme(), fr.Element{})
	require.NoError(t, err)
	tampered := append([]byte(nil), submitted...)
	tampered[len(tampered)-1] ^= 1
	for name, bad := range map[string]func(s *verifier.Statement){
		"other task":             func(s *verifier.Statement) { s.TaskID++ },
		"other blinding":         func(s *verifier.Statement) { s.InputCommitment = otherHiding },
		"tampered ciphertext":    func(s *verifier.Statement) { s.Output = tampered },
		"plaintext statement":    func(s *verifier.Statement) { s.Sealed, s.Output = false, vector.Encode(want) },
		"sealed without the key": func(s *verifier.Statement) { s.Output = submitted[:len(submitted)-commit.SealedElemSize] },
	} {
		s := st
		bad(&s)
		require.Error(t, verifier.Verify(vk, res.Proof, s), name)
	}
}

// TestPublicTaskOnPrivateModel: Prove (blinding 0) on a private-capable model gives a proof of
// the statement the chain builds for a public task: the stored PublicHidingInput of the plain
// input commitment and PublicSealedOutput of the plaintext output.
func TestPublicTaskOnPrivateModel(t *testing.T) {
	vk, p := privateTiny(t)
	in := []int64{0, 0, 0}
	out, proof, err := p.Prove("hyra-test-1", 5, worker, in)
	require.NoError(t, err)
	cIn, err := verifier.InputCommitment(vector.Encode(in), p.Model().InputScheme())
	require.NoError(t, err)
	stored, err := verifier.PublicHidingInput(cIn)
	require.NoError(t, err)
	sealed, err := verifier.PublicSealedOutput(vector.Encode(out))
	require.NoError(t, err)
	st := verifier.Statement{ChainID: "hyra-test-1", TaskID: 5, Worker: worker, InputCommitment: stored, Output: sealed, Sealed: true}
	require.NoError(t, verifier.Verify(vk, proof, st))
	st.InputCommitment = cIn
	require.ErrorIs(t, verifier.Verify(vk, proof, st), verifier.ErrInvalidProof)
}

func TestBlindingRefusedForPublicModel(t *testing.T) {
	keys, err := setup.Generate(testmodel.Artifact(), io.Discard)
	require.NoError(t, err)
	p, err := prover.New([]byte(testmodel.JSON), keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	var r fr.Element
	r.SetUint64(1)
	_, err = p.ProveBlinded("hyra-test-1", 5, worker, []int64{0, 0, 0}, r)
	require.ErrorIs(t, err, artifact.ErrInvalid)
	res, err := p.ProveBlinded("hyra-test-1", 5, worker, []int64{0, 0, 0}, fr.Element{})
	require.NoError(t, err)
	require.False(t, res.Statement.Sealed)
	require.Nil(t, res.Sealed)
}
