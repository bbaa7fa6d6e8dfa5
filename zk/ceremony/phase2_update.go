package ceremony

import (
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	cryptompc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// gnark's Phase2.Contribute and Phase2.Seal, for states without commitments (the only ones
// zk/ceremony accepts), with the multiplication of every Z and PKK point by the new factor done
// by scaleG1 instead of point by point: the same results (TestSealIsGnarks; a contribution's
// proof is checked by gnark's Phase2.Verify in every test that verifies one), in about half
// the CPU time (BENCHMARKS.md "Setup ceremony").

// contributePhase2 is Phase2.Contribute: challenge must be the state's hash (gnark's
// Phase2.hash, the sha256 of its canonical encoding).
func contributePhase2(p *mpcsetup.Phase2, challenge []byte) {
	p.Challenge = challenge
	var delta fr.Element // zero: UpdateValues draws it from crypto/rand
	p.Delta = cryptompc.UpdateValues(&delta, p.Challenge, mpcsetup.DST_DELTA)
	updateDelta(p, &delta)
}

// updateDelta is Phase2.update without commitments: delta times the factor, Z and PKK (which
// have delta in their denominator) times its inverse.
func updateDelta(p *mpcsetup.Phase2, factor *fr.Element) {
	var f big.Int
	factor.BigInt(&f)
	p.Parameters.G2.Delta.ScalarMultiplication(&p.Parameters.G2.Delta, &f)
	p.Parameters.G1.Delta.ScalarMultiplication(&p.Parameters.G1.Delta, &f)
	var inv fr.Element
	inv.Inverse(factor)
	scaleG1(p.Parameters.G1.Z, &inv)
	scaleG1(p.Parameters.G1.PKK, &inv)
}

// sealPhase2 is Phase2.Seal: the beacon's contribution, then the keys. stateHash is p's hash
// (gnark's Phase2.hash). It modifies p.
func sealPhase2(p *mpcsetup.Phase2, stateHash []byte, commons *mpcsetup.SrsCommons, evals *mpcsetup.Phase2Evaluations, beacon []byte) (*groth16bn254.ProvingKey, *groth16bn254.VerifyingKey, error) {
	factors := cryptompc.BeaconContributions(stateHash, []byte("Groth16 MPC Setup - Phase2"), beacon, 1)
	updateDelta(p, &factors[0])

	var (
		pk groth16bn254.ProvingKey
		vk groth16bn254.VerifyingKey
	)
	pk.Domain = *fft.NewDomain(uint64(len(commons.G1.AlphaTau)))
	pk.G1.Alpha.Set(&commons.G1.AlphaTau[0])
	pk.G1.Beta.Set(&commons.G1.BetaTau[0])
	pk.G1.Delta.Set(&p.Parameters.G1.Delta)
	pk.G1.Z = p.Parameters.G1.Z
	bitReverse(pk.G1.Z)
	pk.G1.K = p.Parameters.G1.PKK
	pk.G2.Beta.Set(&commons.G2.Beta)
	pk.G2.Delta.Set(&p.Parameters.G2.Delta)

	// The proving key leaves out the infinity points of A and B, and marks them.
	nWires := len(evals.G1.A)
	pk.InfinityA, pk.InfinityB = make([]bool, nWires), make([]bool, nWires)
	pk.G1.A = finitePoints(evals.G1.A, pk.InfinityA)
	pk.G1.B = finitePoints(evals.G1.B, pk.InfinityB)
	pk.NbInfinityA = uint64(nWires - len(pk.G1.A)) //nolint:gosec // G115: counts are non-negative
	pk.NbInfinityB = uint64(nWires - len(pk.G1.B)) //nolint:gosec // G115: counts are non-negative
	pk.G2.B = make([]curve.G2Affine, 0, nWires)
	for i := range evals.G2.B {
		if !evals.G2.B[i].IsInfinity() {
			pk.G2.B = append(pk.G2.B, evals.G2.B[i])
		}
	}

	_, _, _, g2 := curve.Generators()
	vk.G1.Alpha.Set(&commons.G1.AlphaTau[0])
	vk.G1.Beta.Set(&commons.G1.BetaTau[0])
	vk.G1.Delta.Set(&p.Parameters.G1.Delta)
	vk.G2.Beta.Set(&commons.G2.Beta)
	vk.G2.Delta.Set(&p.Parameters.G2.Delta)
	vk.G2.Gamma.Set(&g2)
	vk.G1.K = evals.G1.VKK
	vk.CommitmentKeys = []pedersen.VerifyingKey{}
	pk.CommitmentKeys = []pedersen.ProvingKey{}
	vk.PublicAndCommitmentCommitted = evals.PublicAndCommitmentCommitted
	if err := vk.Precompute(); err != nil {
		return nil, nil, err
	}
	return &pk, &vk, nil
}

// finitePoints returns the points that are not infinity, marking the others in infinity.
func finitePoints(points []curve.G1Affine, infinity []bool) []curve.G1Affine {
	out := make([]curve.G1Affine, 0, len(points))
	for i := range points {
		if points[i].IsInfinity() {
			infinity[i] = true
			continue
		}
		out = append(out, points[i])
	}
	return out
}
