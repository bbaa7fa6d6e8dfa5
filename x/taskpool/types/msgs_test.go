package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

func TestValidateBasic(t *testing.T) {
	tests := []struct {
		name    string
		msg     interface{ ValidateBasic() error }
		wantErr string
	}{
		{name: "success - task input", msg: &types.MsgSubmitTask{Input: make([]byte, 32)}},
		{name: "error - empty task input", msg: &types.MsgSubmitTask{}, wantErr: "input is 0 bytes"},
		{name: "error - oversized task input", msg: &types.MsgSubmitTask{Input: make([]byte, types.MaxVectorSize+1)}, wantErr: "must be in [1, 8192]"},
		{name: "success - result", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize)}},
		{name: "error - oversized proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize+1)}, wantErr: "proof is 165 bytes, must be exactly 164: invalid proof"},
		{name: "error - short proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize-1)}, wantErr: "proof is 163 bytes, must be exactly 164"},
		{name: "error - empty proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24)}, wantErr: "proof is 0 bytes, must be exactly 164"},
		{name: "error - oversized output", msg: &types.MsgSubmitResult{Output: make([]byte, types.MaxVectorSize+8), Proof: make([]byte, 10)}, wantErr: "invalid result output"},
		{name: "error - empty output", msg: &types.MsgSubmitResult{Proof: make([]byte, 10)}, wantErr: "output is 0 bytes"},
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
