package ceremony_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/ceremony"
)

// phase1Chain runs a phase 1 of domain n with k contributions.
func phase1Chain(t testing.TB, n uint64, k int) [][]byte {
	t.Helper()
	f, err := ceremony.NewPhase1(n)
	require.NoError(t, err)
	var files [][]byte
	for range k {
		f, err = ceremony.ContributePhase1(f)
		require.NoError(t, err)
		files = append(files, f)
	}
	return files
}

func TestPhase1ChainVerifiesAndSealsAsGnarkDoes(t *testing.T) {
	files := phase1Chain(t, 16, 2)
	n, err := ceremony.VerifyPhase1(files)
	require.NoError(t, err)
	require.Equal(t, uint64(16), n)

	sealed, err := ceremony.SealPhase1(files, []byte("phase 1 beacon"))
	require.NoError(t, err)
	var gnarkFiles []*mpcsetup.Phase1
	for _, f := range files {
		p := new(mpcsetup.Phase1)
		_, err := p.ReadFrom(bytes.NewReader(f))
		require.NoError(t, err)
		gnarkFiles = append(gnarkFiles, p)
	}
	commons, err := mpcsetup.VerifyPhase1(16, []byte("phase 1 beacon"), gnarkFiles...)
	require.NoError(t, err)
	var want bytes.Buffer
	_, err = commons.WriteTo(&want)
	require.NoError(t, err)
	require.Equal(t, want.Bytes(), sealed, "the sealed commons are gnark's VerifyPhase1 output")

	d, err := ceremony.PhaseOneDomain(sealed)
	require.NoError(t, err)
	require.Equal(t, uint64(16), d)
	_, err = ceremony.Anchor(sealed)
	require.NoError(t, err)
}

func TestPhase1VerifyNamesTheBadFile(t *testing.T) {
	files := phase1Chain(t, 16, 3)
	_, err := ceremony.VerifyPhase1([][]byte{files[0], files[2]})
	requireBadContribution(t, err, 2, ceremony.ErrOutOfOrder)
	_, err = ceremony.VerifyPhase1([][]byte{files[1], files[2]})
	requireBadContribution(t, err, 1, ceremony.ErrOutOfOrder)

	// Replace a power of tau in file 2 by another valid point (the generator): the chain of
	// powers is broken.
	bad := append([]byte{}, files[1]...)
	off := 3*96 + 8 + 64 + 32*5                             // [tau^6]_1
	copy(bad[off:off+32], files[1][3*96+8+64:3*96+8+64+32]) // [tau^1]_1
	_, err = ceremony.VerifyPhase1([][]byte{files[0], bad, files[2]})
	requireBadContribution(t, err, 2, ceremony.ErrBadContribution)
	_, err = ceremony.SealPhase1([][]byte{files[0], bad}, []byte("b"))
	requireBadContribution(t, err, 2, ceremony.ErrBadContribution)
}

func TestPhase1FilesWithForgedSizesAreRefusedBeforeDecoding(t *testing.T) {
	files := phase1Chain(t, 16, 1)
	huge := append([]byte{}, files[0]...)
	binary.BigEndian.PutUint64(huge[3*96:], 1<<40)
	_, err := ceremony.VerifyPhase1([][]byte{huge})
	require.ErrorIs(t, err, ceremony.ErrDomainSize)
	_, err = ceremony.ContributePhase1(huge)
	require.ErrorIs(t, err, ceremony.ErrDomainSize)

	_, err = ceremony.VerifyPhase1([][]byte{files[0][:len(files[0])-1]})
	require.ErrorIs(t, err, ceremony.ErrMalformed)
	_, err = ceremony.NewPhase1(24)
	require.ErrorIs(t, err, ceremony.ErrDomainSize)

	sealed, err := ceremony.InsecureTestPhase1(16)
	require.NoError(t, err)
	binary.BigEndian.PutUint64(sealed, 1<<30)
	_, err = ceremony.Anchor(sealed)
	require.ErrorIs(t, err, ceremony.ErrDomainSize)
}
