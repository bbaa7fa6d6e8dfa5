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
		{name: "success - UINT8 task input", msg: &types.MsgSubmitTask{Input: make([]byte, 784), InputEncoding: types.VECTOR_ENCODING_UINT8}},
		{name: "success - INT16 task input", msg: &types.MsgSubmitTask{Input: make([]byte, 2*1024), InputEncoding: types.VECTOR_ENCODING_INT16}},
		{name: "error - unknown task input encoding", msg: &types.MsgSubmitTask{Input: make([]byte, 8), InputEncoding: 3}, wantErr: "input_encoding 3 is unknown; known: VECTOR_ENCODING_INT64 (0), VECTOR_ENCODING_UINT8 (1), VECTOR_ENCODING_INT16 (2)"},
		{name: "error - negative task input encoding", msg: &types.MsgSubmitTask{Input: make([]byte, 8), InputEncoding: -1}, wantErr: "input_encoding -1 is unknown"},
		{name: "error - ragged INT64 task input", msg: &types.MsgSubmitTask{Input: make([]byte, 12)}, wantErr: "length 12 is not a multiple of 8 (INT64)"},
		{name: "error - too many UINT8 elements", msg: &types.MsgSubmitTask{Input: make([]byte, 1025), InputEncoding: types.VECTOR_ENCODING_UINT8}, wantErr: "1025 elements, max 1024"},
		{name: "error - too many INT16 elements", msg: &types.MsgSubmitTask{Input: make([]byte, 2050), InputEncoding: types.VECTOR_ENCODING_INT16}, wantErr: "1025 elements, max 1024"},
		{name: "success - result", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize)}},
		{name: "error - oversized proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize+1)}, wantErr: "proof is 165 bytes, must be exactly 164: invalid proof"},
		{name: "error - short proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24), Proof: make([]byte, verifier.ProofSize-1)}, wantErr: "proof is 163 bytes, must be exactly 164"},
		{name: "error - empty proof", msg: &types.MsgSubmitResult{Output: make([]byte, 24)}, wantErr: "proof is 0 bytes, must be exactly 164"},
		{name: "error - oversized output", msg: &types.MsgSubmitResult{Output: make([]byte, types.MaxOutputSize+8), Proof: make([]byte, 10)}, wantErr: "invalid result output"},
		{name: "success - sealed output", msg: &types.MsgSubmitResult{Output: make([]byte, types.MaxOutputSize), Proof: make([]byte, verifier.ProofSize)}},
		{name: "success - private task", msg: &types.MsgSubmitTask{Private: true, InputCommitment: make([]byte, 32), SelfCiphertext: make([]byte, 100)}},
		{name: "error - private task with input", msg: &types.MsgSubmitTask{Private: true, Input: make([]byte, 8), InputCommitment: make([]byte, 32), SelfCiphertext: make([]byte, 100)}, wantErr: "carries no input"},
		{name: "error - private task short commitment", msg: &types.MsgSubmitTask{Private: true, InputCommitment: make([]byte, 31), SelfCiphertext: make([]byte, 100)}, wantErr: "input commitment is 31 bytes, want 32"},
		{name: "error - private task no self ciphertext", msg: &types.MsgSubmitTask{Private: true, InputCommitment: make([]byte, 32)}, wantErr: "self_ciphertext is 0 bytes"},
		{name: "error - private task oversized self ciphertext", msg: &types.MsgSubmitTask{Private: true, InputCommitment: make([]byte, 32), SelfCiphertext: make([]byte, types.MaxCiphertextSize+1)}, wantErr: "self_ciphertext is 8275 bytes"},
		{name: "error - public task with a commitment", msg: &types.MsgSubmitTask{Input: make([]byte, 8), InputCommitment: make([]byte, 32)}, wantErr: "for private tasks only"},
		{name: "success - post input", msg: &types.MsgPostInput{Ciphertext: make([]byte, 100)}},
		{name: "error - empty posted input", msg: &types.MsgPostInput{}, wantErr: "ciphertext is 0 bytes"},
		{name: "error - oversized posted input", msg: &types.MsgPostInput{Ciphertext: make([]byte, types.MaxCiphertextSize+1)}, wantErr: "ciphertext is 8275 bytes"},
		{name: "success - claim without key", msg: &types.MsgClaimTask{}},
		{name: "success - claim with key", msg: &types.MsgClaimTask{EncryptionKey: make([]byte, 32)}},
		{name: "error - claim with short key", msg: &types.MsgClaimTask{EncryptionKey: make([]byte, 31)}, wantErr: "encryption key is 31 bytes, want 32"},
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

// TestVectorEncodingIsVectorsEncoding: the chain's enum and zk/vector's Encoding are one list,
// value for value, so a task's input_encoding converts directly.
func TestVectorEncodingIsVectorsEncoding(t *testing.T) {
	require.Len(t, types.VectorEncoding_name, 3)
	for v, name := range types.VectorEncoding_name {
		e := types.VectorEncoding(v)
		require.Equal(t, "VECTOR_ENCODING_"+e.Vector().String(), name)
		require.NoError(t, e.Vector().CheckKnown())
	}
}
