package verifier

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
)

// SealedOutputGasPerElement is charged per output element of a Sealed statement, on top of
// VerifyGas, before Verify (and PublicSealedOutput, for a public task) runs: a sealed output is
// committed one element per Poseidon2 call instead of seven, and PublicSealedOutput adds one
// keystream call per element. BenchmarkSealedStatement: 9-10 µs a call, about 19 µs per element
// for both (2 cores under load); at the rate InputCommitmentGasPerElement uses (25 gas per 2.2 µs)
// that is 215 gas, 250 leaves margin. The digits model's 10 outputs cost 2,500 gas.
const SealedOutputGasPerElement uint64 = 250

// sealedPublicInputs is publicInputs for a private-capable model: Output is the sealed output.
func sealedPublicInputs(st Statement, hiding fr.Element) ([commit.NbPublic]frElement, error) {
	ct, err := commit.DecodeSealed(st.Output, len(st.Output)/commit.SealedElemSize)
	if err != nil {
		return [commit.NbPublic]frElement{}, fmt.Errorf("%w: sealed output: %v", ErrInvalidStatement, err)
	}
	pub, err := commit.PrivatePublicInputs(st.ChainID, st.TaskID, st.Worker, hiding, ct)
	if err != nil {
		return pub, fmt.Errorf("%w: %v", ErrInvalidStatement, err)
	}
	return pub, nil
}

// PublicHidingInput is the stored input commitment of a public task on a private-capable model:
// commit.HidingInput(inputCommitment, 0), from the input commitment under the version's scheme
// (InputCommitmentOf). Anyone can recompute it from the public input, which hides nothing.
func PublicHidingInput(inputCommitment []byte) ([]byte, error) {
	c, err := decodeCommitment(inputCommitment)
	if err != nil {
		return nil, err
	}
	h := commit.HidingInput(c, fr.Element{})
	b := h.Bytes()
	return b[:], nil
}

// PublicSealedOutput turns the plaintext output of a public task on a private-capable model (a
// canonical vector encoding) into the Statement's Output: commit.EncodeSealed of
// commit.SealOutput(output, 0). The chain keeps the plaintext and passes this to Verify.
func PublicSealedOutput(output []byte) ([]byte, error) {
	y, err := vector.Decode(output)
	if err != nil {
		return nil, fmt.Errorf("%w: output: %v", ErrInvalidStatement, err)
	}
	ct, err := commit.SealOutput(y, fr.Element{})
	if err != nil {
		return nil, fmt.Errorf("%w: output: %v", ErrInvalidStatement, err)
	}
	return commit.EncodeSealed(ct), nil
}
