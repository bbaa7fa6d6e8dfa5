package cli

import (
	"testing"

	"github.com/stretchr/testify/require"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

func TestEncodeInput(t *testing.T) {
	tests := []struct {
		name, flag string
		v          []int64
		want       tptypes.VectorEncoding
		wantLen    int
		wantErr    string
	}{
		{name: "success - compact pixels", flag: "compact", v: []int64{0, 255}, want: tptypes.VECTOR_ENCODING_UINT8, wantLen: 2},
		{name: "success - compact negatives", flag: "compact", v: []int64{-1, 255}, want: tptypes.VECTOR_ENCODING_INT16, wantLen: 4},
		{name: "success - int64 asked", flag: "int64", v: []int64{0, 255}, want: tptypes.VECTOR_ENCODING_INT64, wantLen: 16},
		{name: "success - INT16 asked in capitals", flag: "INT16", v: []int64{7}, want: tptypes.VECTOR_ENCODING_INT16, wantLen: 2},
		{name: "error - does not fit", flag: "uint8", v: []int64{256}, wantErr: "--input-encoding uint8: invalid vector: element 0 = 256 does not fit in UINT8"},
		{name: "error - unknown name", flag: "int32", v: []int64{1}, wantErr: `--input-encoding "int32": want compact, int64, uint8 or int16`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, e, err := encodeInput(tc.v, tc.flag)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, e)
			require.Len(t, b, tc.wantLen)
		})
	}
}
