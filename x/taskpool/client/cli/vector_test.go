package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadVector(t *testing.T) {
	file := filepath.Join(t.TempDir(), "input.txt")
	require.NoError(t, os.WriteFile(file, []byte("[51, 35\n14 2]\n"), 0o600))
	want := []int64{51, 35, 14, 2}
	tests := []struct {
		name    string
		arg     string
		want    []int64
		wantErr string
	}{
		{name: "success - inline csv", arg: "51,35,14,2", want: want},
		{name: "success - file", arg: file, want: want},
		{name: "success - hex of the canonical encoding", arg: "0x" + "0000000000000033000000000000002300000000000000" + "0e0000000000000002", want: want},
		{name: "success - negative values", arg: "-1,2", want: []int64{-1, 2}},
		{name: "error - empty", arg: " ", wantErr: "empty vector"},
		{name: "error - not a number", arg: "1,x", wantErr: "element 2"},
		{name: "error - bad hex", arg: "0xzz", wantErr: "hex"},
		{name: "error - hex of a non-vector", arg: "0x0102", wantErr: "not a multiple of 8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readVector(tc.arg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
