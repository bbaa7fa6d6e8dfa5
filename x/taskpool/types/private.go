package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/verifier"
)

// EncryptionKeySize is the size of a worker's X25519 public key.
const EncryptionKeySize = 32

// EncryptionKeyCheckGas is charged before a claim's encryption key is checked
// for small order (private.CheckPublicKey, one X25519 multiplication): 36 µs
// here against 118 µs for a secp256k1 signature check, for which the SDK
// charges 1,000 gas.
const EncryptionKeyCheckGas = 300

// MaxCiphertextSize caps a private task's ciphertexts (the input encrypted to
// the client itself, and to the worker): the largest envelope zk/private
// makes, for the largest input a model takes.
const MaxCiphertextSize = private.MaxCiphertextSize

// MaxOutputSize caps a result's output: a plaintext vector (MaxVectorSize) or
// a sealed output, one 32-byte field element per value.
const MaxOutputSize = MaxVectorSize / 8 * 32

// CheckPrivateSubmission is the cheap, stateless check of a private task's
// submission: no plaintext input, a hiding commitment of
// verifier.InputCommitmentSize bytes and a self-ciphertext within
// MaxCiphertextSize. The keeper checks the commitment is canonical.
func CheckPrivateSubmission(input, commitment, selfCiphertext []byte) error {
	if len(input) != 0 {
		return errorsmod.Wrap(ErrInvalidPrivateTask, "a private task carries no input: send its hiding commitment and self-ciphertext")
	}
	if n := len(commitment); n != verifier.InputCommitmentSize {
		return errorsmod.Wrapf(ErrInvalidPrivateTask, "input commitment is %d bytes, want %d", n, verifier.InputCommitmentSize)
	}
	return CheckCiphertext("self_ciphertext", selfCiphertext)
}

// CheckCiphertext checks that a ciphertext is present and within
// MaxCiphertextSize.
func CheckCiphertext(name string, ct []byte) error {
	if n := len(ct); n == 0 || n > MaxCiphertextSize {
		return errorsmod.Wrapf(ErrInvalidPrivateTask, "%s is %d bytes, must be in [1, %d]", name, n, MaxCiphertextSize)
	}
	return nil
}

// CheckEncryptionKey checks a claim's encryption key: none, or exactly
// EncryptionKeySize bytes.
func CheckEncryptionKey(key []byte) error {
	if n := len(key); n != 0 && n != EncryptionKeySize {
		return errorsmod.Wrapf(ErrEncryptionKey, "encryption key is %d bytes, want %d", n, EncryptionKeySize)
	}
	return nil
}

// ValidateBasic rejects an oversized ciphertext before the message reaches a
// block.
func (m *MsgPostInput) ValidateBasic() error {
	return CheckCiphertext("ciphertext", m.Ciphertext)
}

// ValidateBasic rejects an encryption key of the wrong size.
func (m *MsgClaimTask) ValidateBasic() error {
	return CheckEncryptionKey(m.EncryptionKey)
}

// validatePrivateFields checks a stored task's private-task fields (genesis):
// a public task has none; a private task has no input, a hiding commitment, a
// self-ciphertext, and a worker key and posted input only while CLAIMED (the
// key always then).
func (t Task) validatePrivateFields() error {
	if !t.Private {
		if len(t.SelfCiphertext)+len(t.WorkerKey)+len(t.InputCiphertext) != 0 || t.InputRejections != 0 {
			return errorsmod.Wrap(ErrInvalidPrivateTask, "a public task has no self_ciphertext, worker_key, input_ciphertext or input_rejections")
		}
		return CheckInputSize(t.Input, t.InputEncoding)
	}
	if err := CheckPrivateSubmission(t.Input, t.InputCommitment, t.SelfCiphertext); err != nil {
		return err
	}
	if t.Status != TASK_STATUS_CLAIMED {
		if len(t.WorkerKey)+len(t.InputCiphertext) != 0 {
			return errorsmod.Wrapf(ErrInvalidPrivateTask, "a %s task keeps no worker_key or input_ciphertext", t.Status)
		}
		return nil
	}
	if len(t.WorkerKey) != EncryptionKeySize {
		return errorsmod.Wrapf(ErrEncryptionKey, "a claimed private task needs the worker's %d-byte key", EncryptionKeySize)
	}
	if len(t.InputCiphertext) != 0 {
		return CheckCiphertext("input_ciphertext", t.InputCiphertext)
	}
	return nil
}
