package private_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/private"
)

// TestLoadOrCreateKey: the first call creates the file with mode 0600 (its directory 0700), the
// next one loads the same key, and a key written by one opens the other's envelopes.
func TestLoadOrCreateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "private.key")
	k1, err := private.LoadOrCreateKey(path)
	require.NoError(t, err)
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	dst, err := os.Stat(filepath.Dir(path))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), dst.Mode().Perm())

	k2, err := private.LoadOrCreateKey(path)
	require.NoError(t, err)
	require.Equal(t, k1.PublicKey(), k2.PublicKey())
	ct, err := private.SealInput(k1.PublicKey(), info, []int64{4}, fr.Element{})
	require.NoError(t, err)
	in, _, err := k2.OpenInput(ct, info)
	require.NoError(t, err)
	require.Equal(t, []int64{4}, in)
}

func TestLoadKeyRefusesOpenPermissionsAndGarbage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "private.key")
	_, err := private.LoadOrCreateKey(path)
	require.NoError(t, err)
	require.NoError(t, os.Chmod(path, 0o644))
	_, err = private.LoadOrCreateKey(path)
	require.ErrorIs(t, err, private.ErrKeyFile)

	garbage := filepath.Join(dir, "garbage.key")
	require.NoError(t, os.WriteFile(garbage, []byte("not hex\n"), 0o600))
	_, err = private.LoadOrCreateKey(garbage)
	require.ErrorIs(t, err, private.ErrKeyFile)
	short := filepath.Join(dir, "short.key")
	require.NoError(t, os.WriteFile(short, []byte("abcd\n"), 0o600))
	_, err = private.LoadOrCreateKey(short)
	require.ErrorIs(t, err, private.ErrKeyFile)
}
