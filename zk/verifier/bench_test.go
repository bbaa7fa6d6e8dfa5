package verifier_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"

	"github.com/hyra-network/hyra/zk/verifier"
)

// BenchmarkVerify is one full verification with the key already cached: decode the proof,
// recompute the three public inputs (two Poseidon2 commitments and the binding) and check the
// pairing equation. It uses Verifier.VerifyUncached, the cost of a proof the node has not seen (see
// BenchmarkVerifyCached for one it has). Compare with BenchmarkSecp256k1Verify to price
// VerifyGas.
func BenchmarkVerify(b *testing.B) {
	vk, proof, st := loadFixture(b)
	v := verifier.New()
	if err := v.Verify(vk, proof, st); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := v.VerifyUncached(vk, proof, st); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckVerifyingKey is the registration-time cost: decode, subgroup checks, e(alpha,
// beta) and the precomputed lines.
func BenchmarkCheckVerifyingKey(b *testing.B) {
	vk, _, _ := loadFixture(b)
	for i := 0; i < b.N; i++ {
		if err := verifier.CheckVerifyingKey(vk); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSecp256k1Verify is the SDK's signature check, which the SDK prices at 1,000 gas.
func BenchmarkSecp256k1Verify(b *testing.B) {
	priv := secp256k1.GenPrivKey()
	msg := []byte("hyra verify gas calibration: a typical sign-bytes payload of a transaction")
	sig, err := priv.Sign(msg)
	if err != nil {
		b.Fatal(err)
	}
	pub := priv.PubKey()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !pub.VerifySignature(msg, sig) {
			b.Fatal("signature does not verify")
		}
	}
}
