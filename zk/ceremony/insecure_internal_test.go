package ceremony

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/stretchr/testify/require"
)

// The Lagrange form computed from the insecure phase 1's public secrets is, point for point,
// the one the inverse FFT computes from its file; a phase-2 start on it uses the former only
// when this machine made that phase 1 (its cache file) and its first powers are the secrets'.
func TestInsecureLagrangeIsTheFFTs(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	for _, n := range []int{2, 16, 256} {
		phase1, err := InsecureTestPhase1(uint64(n))
		require.NoError(t, err)
		commons, err := readCommons(phase1)
		require.NoError(t, err)
		require.True(t, isInsecureTestPhase1(commons, Phase1Hash(phase1)))
		direct, err := insecureLagrange(n)
		require.NoError(t, err)
		require.Equal(t, lagrangeG1(commons.G1.Tau, n), direct.tau1, n)
		require.Equal(t, lagrangeG1(commons.G1.AlphaTau, n), direct.alpha1, n)
		require.Equal(t, lagrangeG1(commons.G1.BetaTau, n), direct.beta1, n)
		require.Equal(t, lagrangeG2(commons.G2.Tau, n), direct.tau2, n)
	}
}

// Another phase 1 is never taken for the insecure one: not without its cache file, not with
// a cache file named after its hash (a renamed file) when its powers are not the public ones.
func TestInsecureLagrangeNeedsTheInsecurePhase1(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	insecure, err := InsecureTestPhase1(16)
	require.NoError(t, err)
	other, err := encode(mpcsetup.NewPhase1(16))
	require.NoError(t, err)
	var p1 mpcsetup.Phase1
	require.NoError(t, decode(&p1, other))
	p1.Contribute()
	sealed := p1.Seal([]byte("beacon"))
	otherCommons, err := encode(&sealed)
	require.NoError(t, err)
	c, err := readCommons(otherCommons)
	require.NoError(t, err)
	require.False(t, isInsecureTestPhase1(c, Phase1Hash(otherCommons)))

	// A copy of the insecure file renamed to the other phase 1's hash.
	require.NoError(t, os.WriteFile(filepath.Join(cacheDir(), insecureFileName(16, Phase1Hash(otherCommons))), insecure, 0o644))
	require.False(t, isInsecureTestPhase1(c, Phase1Hash(otherCommons)))
	ic, err := readCommons(insecure)
	require.NoError(t, err)
	require.True(t, isInsecureTestPhase1(ic, Phase1Hash(insecure)))
	require.False(t, isInsecureTestPhase1(ic, nil))
}

// The cached insecure phase 1 is the computed one; a corrupt cache file is recomputed.
func TestInsecureTestPhase1Cache(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	want, err := insecureTestPhase1(32)
	require.NoError(t, err)
	first, err := InsecureTestPhase1(32)
	require.NoError(t, err)
	require.Equal(t, want, first)
	path := filepath.Join(cacheDir(), insecureFileName(32, fileHash(want)))
	cached, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, want, cached)

	cached[len(cached)/2] ^= 1
	require.NoError(t, os.WriteFile(path, cached, 0o644))
	again, err := InsecureTestPhase1(32)
	require.NoError(t, err)
	require.Equal(t, want, again)
	rewritten, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, want, rewritten)
}
