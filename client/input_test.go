package client

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

func TestReadVectorFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("[51, 35, 14, 2]\n"), 0o600))
	v, err := ReadVectorFile(good)
	require.NoError(t, err)
	require.Equal(t, []int64{51, 35, 14, 2}, v)

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"input": [1,2]}`), 0o600))
	_, err = ReadVectorFile(bad)
	require.ErrorContains(t, err, "bad.json")
	require.ErrorContains(t, err, "is not an integer")

	_, err = ReadVectorFile(filepath.Join(dir, "missing"))
	require.ErrorContains(t, err, "no such file")
}

func TestCheckInput(t *testing.T) {
	schema := modeltypes.InputSchema{Length: 4, MinValue: 0, MaxValue: 127}
	require.NoError(t, CheckInput([]int64{0, 127, 5, 6}, schema))
	require.ErrorContains(t, CheckInput([]int64{1, 2, 3}, schema), "input has 3 elements, the model takes 4 (each in [0, 127])")
	require.ErrorContains(t, CheckInput([]int64{1, 2, 128, 4}, schema), "input element 3 is 128, outside the model's range [0, 127]")
	require.ErrorContains(t, CheckInput([]int64{-1, 2, 3, 4}, schema), "input element 1 is -1")
}
