package commit_test

import (
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	gchash "github.com/consensys/gnark-crypto/hash"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
)

// reference hashes elems with gnark-crypto's own Merkle-Damgard construction over the pinned
// Poseidon2 permutation, and builds headers from the tag's bytes by hand: an implementation
// independent of commit.Hash and commit.Header.
func reference(t *testing.T, tag string, n uint32, elems ...fr.Element) string {
	t.Helper()
	h := gchash.NewMerkleDamgardHasher(poseidon2.NewPermutation(2, 6, 50), make([]byte, fr.Bytes))
	hdr := new(big.Int).SetBytes([]byte(tag))
	hdr.Lsh(hdr, 32).Or(hdr, big.NewInt(int64(n)))
	var he fr.Element
	he.SetBigInt(hdr)
	for _, e := range append([]fr.Element{he}, elems...) {
		b := e.Bytes()
		_, err := h.Write(b[:])
		require.NoError(t, err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hexOf(e fr.Element) string {
	b := e.Bytes()
	return hex.EncodeToString(b[:])
}

func elem(v uint64) fr.Element {
	var e fr.Element
	e.SetUint64(v)
	return e
}

// TestPrivateKnownAnswers pins the three private-task functions to fixed values, each also
// recomputed by reference, so the chain, the circuit and clients can never drift silently.
func TestPrivateKnownAnswers(t *testing.T) {
	cIn, r := elem(12345), elem(987654321)

	const hiding = "2dab7427d41690ad0956bffd4161b3818d958fd6c51c39ddd8b637339c3f7d37"
	require.Equal(t, hiding, hexOf(commit.HidingInput(cIn, r)))
	require.Equal(t, hiding, reference(t, commit.TagHidingInput, 0, cIn, r))

	const ks3 = "26208ab0940395bc8972a43ef70ff378934d18526bb04774b2134356e5cf6c7d"
	require.Equal(t, ks3, hexOf(commit.Keystream(r, 3)))
	require.Equal(t, ks3, reference(t, commit.TagKeystream, 0, r, elem(3)))

	ct, err := commit.SealOutput([]int64{5, -2, 0}, r)
	require.NoError(t, err)
	require.Equal(t, "132410ab5425e96c6e4184811e0076486d74bb923a207b6f4b7a3e11392f8561"+
		"10fc40a1ec2292f24582b84e5747c379e34470a38360b1baf9b416b37eb14324"+
		"130792aaff761b8174594e06608f460624cabaef2683221f0ba369dea1a45a2f", hex.EncodeToString(commit.EncodeSealed(ct)))
	for i, y := range []int64{5, -2, 0} {
		var want, yi fr.Element
		yi.SetInt64(y)
		ks := commit.Keystream(r, i)
		want.Add(&yi, &ks)
		require.Equal(t, want, ct[i], "ct_%d = y_%d + Keystream(r, %d)", i, i, i)
	}

	const sealed = "0dd9f1613651114dfa0ec8e42a3e8081338c9a3864b4027306b372b407ec9c4b"
	require.Equal(t, sealed, hexOf(commit.SealedOutputCommitment(ct)))
	require.Equal(t, sealed, reference(t, commit.TagSealedOutput, 3, ct...))
}

func TestSealOpenRoundTrip(t *testing.T) {
	y := []int64{0, 1, -1, commit.MinValue, commit.MaxValue, 42}
	for _, r := range []fr.Element{elem(0), elem(7), randomElem(t)} {
		ct, err := commit.SealOutput(y, r)
		require.NoError(t, err)
		got, err := commit.OpenOutput(ct, r, commit.MinValue, commit.MaxValue)
		require.NoError(t, err)
		require.Equal(t, y, got)

		dec, err := commit.DecodeSealed(commit.EncodeSealed(ct), len(y))
		require.NoError(t, err)
		require.Equal(t, ct, dec)
	}
	// Distinct blindings give unrelated ciphertexts of the same output.
	a, err := commit.SealOutput(y, elem(1))
	require.NoError(t, err)
	b, err := commit.SealOutput(y, elem(2))
	require.NoError(t, err)
	for i := range a {
		require.NotEqual(t, a[i], b[i])
	}
}

// TestOpenOutputWrongBlinding: a wrong r, a tampered element or a range that excludes the value
// is an error, never a wrong output.
func TestOpenOutputWrongBlinding(t *testing.T) {
	y := []int64{3, -9, 0, 17}
	r := randomElem(t)
	ct, err := commit.SealOutput(y, r)
	require.NoError(t, err)

	var wrong fr.Element
	wrong.Add(&r, new(fr.Element).SetOne())
	_, err = commit.OpenOutput(ct, wrong, commit.MinValue, commit.MaxValue)
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.OpenOutput(ct, fr.Element{}, commit.MinValue, commit.MaxValue)
	require.ErrorIs(t, err, commit.ErrValue)

	tampered := append([]fr.Element(nil), ct...)
	tampered[2] = randomElem(t)
	_, err = commit.OpenOutput(tampered, r, commit.MinValue, commit.MaxValue)
	require.ErrorIs(t, err, commit.ErrValue)

	_, err = commit.OpenOutput(ct, r, -8, 20) // -9 is outside
	require.ErrorIs(t, err, commit.ErrValue)
	got, err := commit.OpenOutput(ct, r, -9, 17)
	require.NoError(t, err)
	require.Equal(t, y, got)
}

func TestSealOutputErrors(t *testing.T) {
	for _, y := range [][]int64{nil, {commit.MaxValue + 1}, {0, commit.MinValue - 1}, make([]int64, commit.MaxLen+1)} {
		_, err := commit.SealOutput(y, elem(1))
		require.ErrorIs(t, err, commit.ErrValue)
	}
	_, err := commit.OpenOutput(nil, elem(1), 0, 1)
	require.ErrorIs(t, err, commit.ErrValue)
}

// TestDecodeSealedRefusesNonCanonical: wrong lengths, a wrong count and elements at or above the
// modulus are refused, so one sealed output has exactly one encoding.
func TestDecodeSealedRefusesNonCanonical(t *testing.T) {
	ct, err := commit.SealOutput([]int64{1, 2}, elem(5))
	require.NoError(t, err)
	b := commit.EncodeSealed(ct)
	require.Len(t, b, 2*commit.SealedElemSize)

	for _, c := range []struct {
		b []byte
		n int
	}{
		{b, 1},
		{b, 3},
		{b[:len(b)-1], 2},
		{append(append([]byte(nil), b...), 0), 2},
		{nil, 0},
		{b, 0},
		{make([]byte, (commit.MaxLen+1)*commit.SealedElemSize), commit.MaxLen + 1},
	} {
		_, err := commit.DecodeSealed(c.b, c.n)
		require.ErrorIs(t, err, commit.ErrValue, "len %d n %d", len(c.b), c.n)
	}

	// ct_1 + p encodes the same residue in 32 bytes (p < 2^254): refused.
	var v big.Int
	ct[1].BigInt(&v)
	v.Add(&v, fr.Modulus())
	alias := append([]byte(nil), b...)
	v.FillBytes(alias[commit.SealedElemSize:])
	_, err = commit.DecodeSealed(alias, 2)
	require.ErrorIs(t, err, commit.ErrValue)
	all := append(make([]byte, commit.SealedElemSize), bytesOf(0xff, commit.SealedElemSize)...)
	_, err = commit.DecodeSealed(all, 2)
	require.ErrorIs(t, err, commit.ErrValue)
}

// TestPrivatePublicInputs: the binding and the order of PublicInputs, the stored hiding input as
// is, the sealed commitment from ct; and the private statement never equals the public one.
func TestPrivatePublicInputs(t *testing.T) {
	worker := make([]byte, 20)
	ct, err := commit.SealOutput([]int64{4, 5}, elem(9))
	require.NoError(t, err)
	hiding := commit.HidingInput(elem(11), elem(9))
	pub, err := commit.PrivatePublicInputs("hyra-1", 3, worker, hiding, ct)
	require.NoError(t, err)
	b, err := commit.Binding("hyra-1", 3, worker)
	require.NoError(t, err)
	require.Equal(t, [commit.NbPublic]fr.Element{b, hiding, commit.SealedOutputCommitment(ct)}, pub)

	plain, err := commit.PublicInputs("hyra-1", 3, worker, elem(11), []int64{4, 5})
	require.NoError(t, err)
	require.NotEqual(t, plain[1], pub[1])
	require.NotEqual(t, plain[2], pub[2])

	_, err = commit.PrivatePublicInputs("hyra-1", 3, worker, hiding, nil)
	require.ErrorIs(t, err, commit.ErrValue)
	_, err = commit.PrivatePublicInputs("", 3, worker, hiding, ct)
	require.ErrorIs(t, err, commit.ErrValue)
}

// TestHidingInputSeparation: the hiding commitment depends on both the input commitment and the
// blinding, and with r = 0 it is still not the plain input commitment.
func TestHidingInputSeparation(t *testing.T) {
	c := elem(77)
	seen := map[fr.Element]bool{c: true}
	for _, h := range []fr.Element{
		commit.HidingInput(c, elem(0)), commit.HidingInput(c, elem(1)), commit.HidingInput(elem(78), elem(1)),
		commit.Keystream(c, 0), commit.Keystream(c, 1),
	} {
		require.False(t, seen[h])
		seen[h] = true
	}
}

func randomElem(t *testing.T) fr.Element {
	t.Helper()
	var e fr.Element
	_, err := e.SetRandom()
	require.NoError(t, err)
	return e
}

func bytesOf(v byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = v
	}
	return b
}

// FuzzDecodeSealed: whatever DecodeSealed accepts re-encodes to the same bytes (one encoding per
// sealed output) and opens with r = 0 exactly when its values are in range.
func FuzzDecodeSealed(f *testing.F) {
	ct, err := commit.SealOutput([]int64{1, -2, 3}, elem(0))
	require.NoError(f, err)
	f.Add(commit.EncodeSealed(ct), 3)
	f.Add(bytesOf(0xff, 64), 2)
	f.Add([]byte{}, 0)
	f.Fuzz(func(t *testing.T, b []byte, n int) {
		ct, err := commit.DecodeSealed(b, n)
		if err != nil {
			require.ErrorIs(t, err, commit.ErrValue)
			return
		}
		require.Equal(t, b, commit.EncodeSealed(ct))
		if y, err := commit.OpenOutput(ct, elem(0), commit.MinValue, commit.MaxValue); err == nil {
			again, err := commit.SealOutput(y, elem(0))
			require.NoError(t, err)
			require.Equal(t, ct, again)
		}
	})
}
