package verifier_test

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// TestAgreesWithGnark checks this package's decoder and pairing check against gnark's own
// Groth16 verifier on the valid statement and on tampered ones.
func TestAgreesWithGnark(t *testing.T) {
	vkBytes, proofBytes, st := loadFixture(t)
	var vk groth16bn254.VerifyingKey
	_, err := vk.ReadFrom(bytes.NewReader(vkBytes))
	require.NoError(t, err)
	var proof groth16bn254.Proof
	_, err = proof.ReadFrom(bytes.NewReader(proofBytes))
	require.NoError(t, err)

	statements := []verifier.Statement{st}
	for i := 0; i < 4; i++ {
		s := st
		s.TaskID += uint64(i + 1)
		statements = append(statements, s)
	}
	other := st
	other.ChainID = "other"
	statements = append(statements, other)

	for _, s := range statements {
		in, err := vector.Decode(s.Input)
		require.NoError(t, err)
		out, err := vector.Decode(s.Output)
		require.NoError(t, err)
		pub, err := commit.PublicInputs(s.ChainID, s.TaskID, s.Worker, in, out)
		require.NoError(t, err)
		gnarkErr := groth16bn254.Verify(&proof, &vk, fr.Vector(pub[:]))
		ours := verifier.Verify(vkBytes, proofBytes, s)
		require.Equal(t, gnarkErr == nil, ours == nil, "task %d chain %s: gnark %v, ours %v", s.TaskID, s.ChainID, gnarkErr, ours)
	}
}
