package ceremony

import (
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/internal/testmodel"
)

// Decoding a prefix of a sealed phase 1 gives what decoding it whole and truncating gives,
// and refuses a bad point in the prefix.
func TestReadCommonsPrefixIsTruncate(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	phase1, err := insecureTestPhase1(64)
	require.NoError(t, err)
	var whole mpcsetup.SrsCommons
	require.NoError(t, decode(&whole, phase1))
	for _, m := range []uint64{2, 8, 64} {
		want, err := truncate(&whole, m)
		require.NoError(t, err)
		got, err := readCommonsPrefix(phase1, m)
		require.NoError(t, err)
		require.Equal(t, want, got, m)
	}
	_, err = readCommonsPrefix(phase1, 128)
	require.ErrorIs(t, err, ErrDomainSize)

	bad := append([]byte(nil), phase1...)
	tau1 := bad[8+g2Size : 8+g2Size+g1Size] // [τ]₁, its x set to 2^254 - 1 > p (flags kept)
	tau1[0] |= 0x3f
	for i := 1; i < len(tau1); i++ {
		tau1[i] = 0xff
	}
	_, err = readCommonsPrefix(bad, 2)
	require.ErrorIs(t, err, ErrMalformed)
}

// A start whose Lagrange form comes from the cache (only [τⁱ]₁ and the anchor decoded) is the
// start computed from the whole phase 1 (larger than the circuit's domain), and seals to keys
// that differ only in the contributed delta: on a real phase 1 (FFT)
// and on the insecure one (Lagrange form from its secrets).
func TestWarmStartIsTheColdOne(t *testing.T) {
	artifactBytes := []byte(testmodel.JSONV2)
	fresh, err := encode(mpcsetup.NewPhase1(2048))
	require.NoError(t, err)
	var p1 mpcsetup.Phase1
	require.NoError(t, decode(&p1, fresh))
	p1.Contribute()
	sealed := p1.Seal([]byte("phase-1 beacon"))
	realCommons, err := encode(&sealed)
	require.NoError(t, err)
	insecure, err := insecureTestPhase1(2048)
	require.NoError(t, err)
	for name, phase1 := range map[string][]byte{"real phase 1": realCommons, "insecure phase 1": insecure} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(CacheEnv, t.TempDir())
			if name == "insecure phase 1" {
				writeInsecureCache(2048, phase1)
			}
			var setups []*Setup
			var keys []*Keys
			for range 2 { // cold, then warm
				ForgetPrepared()
				s, err := Begin(artifactBytes, phase1)
				require.NoError(t, err)
				next, _, err := Contribute(s.State)
				require.NoError(t, err)
				ForgetPrepared()
				k, err := Finalize(artifactBytes, phase1, [][]byte{next}, []byte("beacon"))
				require.NoError(t, err)
				setups, keys = append(setups, s), append(keys, k)
			}
			require.Equal(t, setups[0], setups[1])
			// The contributions drew different secrets, so the keys differ in delta only.
			require.Len(t, keys[1].VerifyingKey, len(keys[0].VerifyingKey))
			require.Equal(t, keys[0].VerifyingKey[:192], keys[1].VerifyingKey[:192]) // alpha, beta, gamma
			require.Equal(t, keys[0].VerifyingKey[288:], keys[1].VerifyingKey[288:]) // K
		})
	}
}

// FuzzReadCommonsPrefix: a sealed phase 1 is untrusted input. Whatever its bytes, reading a
// prefix never panics, and on a file gnark's decoding accepts it gives exactly the truncated
// commons (or refuses a domain the file does not have). Points beyond the prefix are not read.
func FuzzReadCommonsPrefix(f *testing.F) {
	phase1, err := insecureTestPhase1(8)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(phase1, uint64(4))
	f.Add(phase1, uint64(8))
	f.Add(phase1, uint64(16))
	f.Add(phase1[:100], uint64(2))
	f.Fuzz(func(t *testing.T, b []byte, m uint64) {
		got, err := readCommonsPrefix(b, m)
		if _, layoutErr := commonsDomain(b); layoutErr != nil {
			require.Error(t, err) // and gnark would allocate from the declared size: not run
			return
		}
		var whole mpcsetup.SrsCommons
		if decode(&whole, b) != nil {
			return // a bad point beyond the prefix is not the prefix's to refuse
		}
		want, truncErr := truncate(&whole, m)
		if truncErr != nil {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}
