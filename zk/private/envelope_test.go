package private_test

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/vector"
)

var info = private.Info{ChainID: "hyra-test-1", TaskID: 7, Worker: "hyra1worker", Purpose: private.PurposeInputToWorker}

func TestSealOpenRoundTrip(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	require.Len(t, k.PublicKey(), private.PublicKeySize)
	r, err := private.NewBlinding()
	require.NoError(t, err)
	for _, in := range [][]int64{{0, 16, 3}, {-70000, 1 << 40, 5}, {-3, 300}, make([]int64, vector.MaxLen)} {
		ct, err := private.SealInput(k.PublicKey(), info, in, r)
		require.NoError(t, err)
		require.LessOrEqual(t, len(ct), private.MaxCiphertextSize)
		got, gotR, err := k.OpenInput(ct, info)
		require.NoError(t, err)
		require.Equal(t, in, got)
		require.Equal(t, r, gotR)
	}
}

// TestMaxCiphertextSize: the largest input any model takes, in the widest encoding, fits exactly.
func TestMaxCiphertextSize(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	in := make([]int64, vector.MaxLen)
	in[0] = 1 << 40 // forces the Int64 encoding
	ct, err := private.SealInput(k.PublicKey(), info, in, fr.Element{})
	require.NoError(t, err)
	require.Len(t, ct, private.MaxCiphertextSize)
	_, err = private.SealInput(k.PublicKey(), info, make([]int64, vector.MaxLen+1), fr.Element{})
	require.ErrorIs(t, err, private.ErrEnvelope)
	_, _, err = k.OpenInput(append(ct, 0), info)
	require.ErrorIs(t, err, private.ErrEnvelope)
}

// TestReplayUnderOtherInfoFails: a ciphertext opens only under the Info it was sealed for.
func TestReplayUnderOtherInfoFails(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	ct, err := private.SealInput(k.PublicKey(), info, []int64{1, 2, 3}, fr.Element{})
	require.NoError(t, err)
	others := []private.Info{
		{ChainID: "hyra-test-2", TaskID: 7, Worker: "hyra1worker", Purpose: private.PurposeInputToWorker},
		{ChainID: "hyra-test-1", TaskID: 8, Worker: "hyra1worker", Purpose: private.PurposeInputToWorker},
		{ChainID: "hyra-test-1", TaskID: 7, Worker: "hyra1other", Purpose: private.PurposeInputToWorker},
		{ChainID: "hyra-test-1", TaskID: 7, Worker: "hyra1worker", Purpose: private.PurposeInputToSelf},
		// Shifting bytes between fields must not produce the same info.
		{ChainID: "hyra-test-1h", TaskID: 7, Worker: "yra1worker", Purpose: private.PurposeInputToWorker},
	}
	for _, o := range others {
		_, _, err := k.OpenInput(ct, o)
		require.ErrorIs(t, err, private.ErrEnvelope, "%+v", o)
	}
	_, _, err = k.OpenInput(ct, info)
	require.NoError(t, err)
}

func TestTamperedCiphertextFails(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	ct, err := private.SealInput(k.PublicKey(), info, []int64{1, 2, 3}, fr.Element{})
	require.NoError(t, err)
	for i := range ct {
		bad := append([]byte(nil), ct...)
		bad[i] ^= 0x01
		_, _, err := k.OpenInput(bad, info)
		require.ErrorIs(t, err, private.ErrEnvelope, "byte %d flipped", i)
	}
	for _, bad := range [][]byte{nil, ct[:31], ct[:len(ct)-1]} {
		_, _, err := k.OpenInput(bad, info)
		require.ErrorIs(t, err, private.ErrEnvelope)
	}
}

func TestWrongKeyFails(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	other, err := private.GenerateKey()
	require.NoError(t, err)
	ct, err := private.SealInput(k.PublicKey(), info, []int64{1, 2, 3}, fr.Element{})
	require.NoError(t, err)
	_, _, err = other.OpenInput(ct, info)
	require.ErrorIs(t, err, private.ErrEnvelope)
}

func TestSealInputRefusesBadArguments(t *testing.T) {
	k, err := private.GenerateKey()
	require.NoError(t, err)
	pub := k.PublicKey()
	for _, c := range []struct {
		pub  []byte
		info private.Info
		in   []int64
	}{
		{pub[:31], info, []int64{1}},
		{make([]byte, 32), info, []int64{1}}, // the all-zero (low-order) point
		{pub, private.Info{TaskID: 1, Worker: "w", Purpose: private.PurposeInputToSelf}, []int64{1}},
		{pub, private.Info{ChainID: "c", TaskID: 1, Purpose: private.PurposeInputToSelf}, []int64{1}},
		{pub, private.Info{ChainID: "c", TaskID: 1, Worker: "w", Purpose: "output"}, []int64{1}},
		{pub, info, nil},
	} {
		_, err := private.SealInput(c.pub, c.info, c.in, fr.Element{})
		require.ErrorIs(t, err, private.ErrEnvelope, "%+v", c.info)
	}
}

// TestNewBlindingIsFresh: two blindings differ and each is canonical (SetRandom rejects values
// at or above the modulus).
func TestNewBlindingIsFresh(t *testing.T) {
	a, err := private.NewBlinding()
	require.NoError(t, err)
	b, err := private.NewBlinding()
	require.NoError(t, err)
	require.NotEqual(t, a, b)
	require.False(t, a.IsZero())
	ab := a.Bytes()
	var back fr.Element
	require.NoError(t, back.SetBytesCanonical(ab[:]))
}
