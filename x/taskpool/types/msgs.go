package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/zk/verifier"
)

// ValidateBasic rejects an unknown input encoding and an input whose size
// that encoding cannot decode, or a private task's malformed commitment or
// self-ciphertext, before the message reaches a block.
func (m *MsgSubmitTask) ValidateBasic() error {
	if m.Private {
		return CheckPrivateSubmission(m.Input, m.InputCommitment, m.SelfCiphertext)
	}
	if len(m.InputCommitment) != 0 || len(m.SelfCiphertext) != 0 {
		return errorsmod.Wrap(ErrInvalidInput, "input_commitment and self_ciphertext are for private tasks only")
	}
	return CheckInputSize(m.Input, m.InputEncoding)
}

// ValidateBasic rejects an oversized output or proof before the message
// reaches a block; the handler checks the same again first, for messages that
// arrive through authz.
func (m *MsgSubmitResult) ValidateBasic() error {
	return CheckResultSizes(m.Output, m.Proof)
}

// CheckResultSizes is the cheap size check of a result: an output of at most
// MaxOutputSize bytes (a sealed output is 4 times its plaintext) and a proof
// of exactly verifier.ProofSize bytes. The keeper checks the output's exact
// shape for its task.
func CheckResultSizes(output, proof []byte) error {
	if n := len(output); n == 0 || n > MaxOutputSize {
		return errorsmod.Wrapf(ErrInvalidOutput, "output is %d bytes, must be in [1, %d]", n, MaxOutputSize)
	}
	if n := len(proof); n != verifier.ProofSize {
		return errorsmod.Wrapf(ErrInvalidProof, "proof is %d bytes, must be exactly %d", n, verifier.ProofSize)
	}
	return nil
}
