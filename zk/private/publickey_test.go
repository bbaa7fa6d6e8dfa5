package private_test

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/private"
)

// smallOrderPoints are u-coordinates of points of small order on Curve25519,
// little-endian, with the non-canonical spellings of 0 and 1 (u + p) and p - 1.
func smallOrderPoints(t *testing.T) [][]byte {
	t.Helper()
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	le := func(v *big.Int) []byte {
		b := v.FillBytes(make([]byte, 32))
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return b
	}
	// The two points of order 8 (Bernstein, "Curve25519: new Diffie-Hellman speed records").
	u8, ok := new(big.Int).SetString("325606250916557431795983626356110631294008115727848805560023387167927233504", 10)
	require.True(t, ok)
	u8b, ok := new(big.Int).SetString("39382357235489614581723060781553021112529911719440698176882885853963445705823", 10)
	require.True(t, ok)
	return [][]byte{
		le(big.NewInt(0)), le(big.NewInt(1)), le(u8), le(u8b),
		le(new(big.Int).Sub(p, big.NewInt(1))),
		le(p), le(new(big.Int).Add(p, big.NewInt(1))),
	}
}

func TestCheckPublicKeyRefusesSmallOrderPoints(t *testing.T) {
	for _, pub := range smallOrderPoints(t) {
		require.ErrorIs(t, private.CheckPublicKey(pub), private.ErrEnvelope, "%x", pub)
		_, err := private.SealInput(pub, private.Info{ChainID: "c", TaskID: 1, Worker: "w", Purpose: "p"}, []int64{1}, fr.Element{})
		require.Error(t, err, "HPKE refuses to seal to %x too", pub)
	}
}

func TestCheckPublicKeyTakesRealKeys(t *testing.T) {
	for range 20 {
		k, err := private.GenerateKey()
		require.NoError(t, err)
		require.NoError(t, private.CheckPublicKey(k.PublicKey()))
	}
	require.Error(t, private.CheckPublicKey(bytes.Repeat([]byte{9}, 31)), "wrong length")
}
