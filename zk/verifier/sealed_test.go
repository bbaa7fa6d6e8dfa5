package verifier_test

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// BenchmarkSealedStatement is the per-element work that SealedOutputGasPerElement prices, for
// the largest output (vector.MaxLen elements): PublicSealedOutput (a keystream element and the
// sealing per value) and the sealed output commitment (one Poseidon2 call per element).
func BenchmarkSealedStatement(b *testing.B) {
	y := make([]int64, vector.MaxLen)
	for i := range y {
		y[i] = int64(i*7919) - 4_000_000
	}
	out := vector.Encode(y)
	b.Run("PublicSealedOutput", func(b *testing.B) {
		for b.Loop() {
			if _, err := verifier.PublicSealedOutput(out); err != nil {
				b.Fatal(err)
			}
		}
	})
	sealed, err := verifier.PublicSealedOutput(out)
	if err != nil {
		b.Fatal(err)
	}
	ct, err := commit.DecodeSealed(sealed, len(y))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("SealedOutputCommitment", func(b *testing.B) {
		for b.Loop() {
			commit.SealedOutputCommitment(ct)
		}
	})
}

// TestPublicSealedHelpers: the chain's helpers for a public task on a private-capable model are
// the contract's functions with r = 0, and refuse what Verify would refuse.
func TestPublicSealedHelpers(t *testing.T) {
	y := []int64{3, -1, 0}
	got, err := verifier.PublicSealedOutput(vector.Encode(y))
	require.NoError(t, err)
	ct, err := commit.SealOutput(y, fr.Element{})
	require.NoError(t, err)
	require.Equal(t, commit.EncodeSealed(ct), got)
	_, err = verifier.PublicSealedOutput([]byte{1, 2})
	require.ErrorIs(t, err, verifier.ErrInvalidStatement)
	_, err = verifier.PublicSealedOutput(vector.Encode([]int64{1 << 40}))
	require.ErrorIs(t, err, verifier.ErrInvalidStatement)

	var c fr.Element
	c.SetUint64(99)
	cb := c.Bytes()
	h, err := verifier.PublicHidingInput(cb[:])
	require.NoError(t, err)
	want := commit.HidingInput(c, fr.Element{})
	wb := want.Bytes()
	require.Equal(t, wb[:], h)
	_, err = verifier.PublicHidingInput(bytes.Repeat([]byte{0xff}, 32))
	require.ErrorIs(t, err, verifier.ErrInvalidStatement)
}

// TestSealedStatementOnPublicKey: the iris proof, checked as a sealed statement of the same
// task, fails: the sealed and the plain statements are never the same public inputs.
func TestSealedStatementOnPublicKey(t *testing.T) {
	vk, proof, st := loadFixture(t)
	out, err := vector.Decode(st.Output)
	require.NoError(t, err)
	ct, err := commit.SealOutput(out, fr.Element{})
	require.NoError(t, err)
	st.Sealed, st.Output = true, commit.EncodeSealed(ct)
	require.ErrorIs(t, verifier.Verify(vk, proof, st), verifier.ErrInvalidProof)
}
