package ceremony

import (
	"os"
	"testing"
)

// TestMain points the Lagrange cache at a directory of this run, so tests neither read a
// developer's cache nor leave files in it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "hyra-lagrange-test")
	if err != nil {
		panic(err)
	}
	if err := os.Setenv(CacheEnv, dir); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
