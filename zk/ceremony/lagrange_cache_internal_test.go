package ceremony

import (
	"os"
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

// A cache file that is not the one of (phase-1 hash, n) is ignored and replaced: one written for
// another phase 1 (here with other points, so using it would change the state), one for another
// size, a truncated one and one with a flipped byte. The state is then still gnark's.
func TestLagrangeCacheIgnoresForeignAndCorruptFiles(t *testing.T) {
	r1cs, commons, phase1Hash := initializeCase(t, []byte(testmodel.JSON))
	n := len(commons.G1.AlphaTau)
	t.Setenv(CacheEnv, t.TempDir())
	path := lagrangePath(phase1Hash, n)
	wantState, err := initialState(r1cs, commons, nil)
	require.NoError(t, err)
	good := lagrangeOf(commons, phase1Hash, n)
	goodFile, err := os.ReadFile(path)
	require.NoError(t, err)

	other := *good
	other.phase1Hash[0] ^= 1
	other.tau1, other.alpha1 = good.alpha1, good.tau1
	foreign, err := encode(&other)
	require.NoError(t, err)
	otherSize := *good
	otherSize.n, otherSize.tau1, otherSize.alpha1, otherSize.beta1, otherSize.tau2 = 2, good.tau1[:2], good.alpha1[:2], good.beta1[:2], good.tau2[:2]
	smaller, err := encode(&otherSize)
	require.NoError(t, err)
	flipped := append([]byte(nil), goodFile...)
	flipped[len(flipped)/2] ^= 0x10

	for name, file := range map[string][]byte{
		"another phase 1": foreign, "another size": smaller, "truncated": goodFile[:len(goodFile)-1],
		"flipped byte": flipped, "empty": {},
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(path, file, 0o644))
			_, err := readLagrange(path, phase1Hash, n)
			require.Error(t, err)
			state, err := initialState(r1cs, commons, phase1Hash)
			require.NoError(t, err)
			require.Equal(t, wantState, state)
			rewritten, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, goodFile, rewritten)
		})
	}
}

// The cache file of another phase 1 is not even read: its name differs.
func TestLagrangeCachePathBindsKey(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	a, b := make([]byte, 32), make([]byte, 32)
	b[31] = 1
	require.NotEqual(t, lagrangePath(a, 8), lagrangePath(b, 8))
	require.NotEqual(t, lagrangePath(a, 8), lagrangePath(a, 16))
	require.Empty(t, lagrangePath(nil, 8))
}

// initialState is the encoded initial phase-2 state with the cache keyed by phase1Hash.
func initialState(r1cs *cs.R1CS, commons *mpcsetup.SrsCommons, phase1Hash []byte) ([]byte, error) {
	p, _, err := initializePhase2(r1cs, commons, phase1Hash)
	if err != nil {
		return nil, err
	}
	return encode(p)
}
