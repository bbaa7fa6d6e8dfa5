package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

func TestRouteTaskValidateBasic(t *testing.T) {
	tests := []struct {
		name    string
		msg     types.MsgRouteTask
		wantErr string
	}{
		{name: "success - INT64 input (no encoding named)", msg: types.MsgRouteTask{Input: make([]byte, 32)}},
		{name: "success - UINT8 image", msg: types.MsgRouteTask{Input: make([]byte, 784), InputEncoding: tptypes.VECTOR_ENCODING_UINT8}},
		{name: "error - unknown encoding", msg: types.MsgRouteTask{Input: make([]byte, 8), InputEncoding: 9}, wantErr: "input_encoding 9 is unknown"},
		{name: "error - empty input", msg: types.MsgRouteTask{}, wantErr: "input is 0 bytes"},
		{name: "error - ragged INT16 input", msg: types.MsgRouteTask{Input: make([]byte, 3), InputEncoding: tptypes.VECTOR_ENCODING_INT16}, wantErr: "length 3 is not a multiple of 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
		})
	}
}
