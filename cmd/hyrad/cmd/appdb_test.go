package cmd

import (
	"os"
	"path/filepath"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"
)

// TestAppDBOpensWithTunedOptions: `hyrad start` opens a goleveldb application
// database with appLevelDBOptions, and what it writes is read back by the
// SDK's own opener (the default options that `hyrad export` and `rollback`
// use), and the other way round: the options change no stored byte.
func TestAppDBOpensWithTunedOptions(t *testing.T) {
	home := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(home, "data"), 0o755))

	db, err := openAppDB(home, dbm.GoLevelDBBackend)
	require.NoError(t, err)
	_, ok := db.(*dbm.GoLevelDB)
	require.True(t, ok, "goleveldb is opened as goleveldb")
	require.NoError(t, db.Set([]byte("tuned"), []byte("1")))
	require.NoError(t, db.Close())

	plain, err := dbm.NewDB("application", dbm.GoLevelDBBackend, filepath.Join(home, "data"))
	require.NoError(t, err)
	v, err := plain.Get([]byte("tuned"))
	require.NoError(t, err)
	require.Equal(t, []byte("1"), v)
	require.NoError(t, plain.Set([]byte("plain"), []byte("2")))
	require.NoError(t, plain.Close())

	db, err = openAppDB(home, dbm.GoLevelDBBackend)
	require.NoError(t, err)
	v, err = db.Get([]byte("plain"))
	require.NoError(t, err)
	require.Equal(t, []byte("2"), v)
	require.NoError(t, db.Close())

	mem, err := openAppDB(home, dbm.MemDBBackend)
	require.NoError(t, err)
	_, ok = mem.(*dbm.MemDB)
	require.True(t, ok, "another backend is opened as the SDK does")
}
