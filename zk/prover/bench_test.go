package prover_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

const circuitCurve = ecc.BN254

// BenchmarkDigits measures the digits model end to end: compile, setup, prove (including the
// prover's self-verification) and chain verification, and reports constraints and sizes.
func BenchmarkDigits(b *testing.B) {
	a, err := artifact.Parse(models.DigitsArtifact)
	require.NoError(b, err)
	samples, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(b, err)
	in := samples.Samples[0].Input
	worker := make([]byte, 20)

	b.Run("compile", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ccs, err := circuit.Compile(a)
			require.NoError(b, err)
			b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints")
		}
	})
	var keys *setup.Keys
	b.Run("setup", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			keys, err = setup.Generate(a, io.Discard)
			require.NoError(b, err)
		}
		b.ReportMetric(float64(len(keys.ProvingKey)), "pk_bytes")
		b.ReportMetric(float64(len(keys.VerifyingKey)), "vk_bytes")
	})
	p, err := prover.New(models.DigitsArtifact, keys.ProvingKey, keys.VerifyingKey)
	require.NoError(b, err)
	var out []int64
	var proof []byte
	b.Run("prove", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			out, proof, err = p.Prove("hyra-bench", uint64(i), worker, in)
			require.NoError(b, err)
		}
		b.ReportMetric(float64(len(proof)), "proof_bytes")
	})
	st := verifier.Statement{ChainID: "hyra-bench", TaskID: 0, Worker: worker, Input: vector.Encode(in), Output: vector.Encode(out)}
	_, proof, err = p.Prove(st.ChainID, st.TaskID, worker, in)
	require.NoError(b, err)
	b.Run("verify", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			require.NoError(b, verifier.Verify(keys.VerifyingKey, proof, st))
		}
	})
	b.Run("gnark-verify", func(b *testing.B) {
		vk := groth16.NewVerifyingKey(circuitCurve)
		_, err := vk.ReadFrom(bytes.NewReader(keys.VerifyingKey))
		require.NoError(b, err)
		gp := groth16.NewProof(circuitCurve)
		_, err = gp.ReadFrom(bytes.NewReader(proof))
		require.NoError(b, err)
		c, _, err := circuit.Assign(a, st.ChainID, st.TaskID, worker, in)
		require.NoError(b, err)
		pw, err := circuit.Witness(c, true)
		require.NoError(b, err)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			require.NoError(b, groth16.Verify(gp, vk, pw))
		}
	})
}
