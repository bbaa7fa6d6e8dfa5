package verifier_test

import (
	"testing"

	"github.com/hyra-network/hyra/zk/verifier"
)

// BenchmarkVerifySetupContribution is the chain's check of one recorded phase-2 contribution
// (decode six points, hash to G2, three 2-pairing checks). Compare with BenchmarkVerify to price
// SetupContributionVerifyGas like VerifyGas.
func BenchmarkVerifySetupContribution(b *testing.B) {
	run := loadSetup(b)
	h, g1, g2 := run.prevOf(1)
	c := run.records[1]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := verifier.VerifySetupContribution(h, g1, g2, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSetupVerifyingKey builds the key at finalization (anchor check, beacon scalar
// multiplications, CheckVerifyingKey).
func BenchmarkSetupVerifyingKey(b *testing.B) {
	run := loadSetup(b)
	last := run.records[len(run.records)-1]
	for i := 0; i < b.N; i++ {
		if _, err := verifier.SetupVerifyingKey(run.anchor, run.vkK, last.StateHash, last.DeltaG1, last.DeltaG2, run.beacon); err != nil {
			b.Fatal(err)
		}
	}
}
