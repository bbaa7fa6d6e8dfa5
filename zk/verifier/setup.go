package verifier

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"

	"github.com/hyra-network/hyra/zk/commit"
)

// The chain's side of a model version's multi-party setup (gnark's groth16/bn254/mpcsetup phase
// 2, see zk/README.md "Setup ceremony"). The chain never sees the large transcript: it keeps the
// phase-1 anchor, the K points proposed when the setup begins and, per contribution, the new
// delta with the proof that its contributor knows the factor it multiplied delta by. From these
// and a beacon it builds the verifying key itself (SetupVerifyingKey). Whether the proving key's
// other points were updated consistently is checked off chain (`hyrad zk ceremony verify`).

// Sizes of the setup records, all fixed.
const (
	SetupStateHashSize = 32 // sha256 of the serialized phase-2 state (gnark's Phase2.WriteTo)
	SetupDeltaG1Size   = curve.SizeOfG1AffineCompressed
	SetupDeltaG2Size   = curve.SizeOfG2AffineCompressed
	// SetupUpdateProofSize is mpcsetup.UpdateProof as its WriteTo writes it: the contribution
	// commitment [x]₁ (compressed G1) then the proof of knowledge x·R (compressed G2).
	SetupUpdateProofSize = curve.SizeOfG1AffineCompressed + curve.SizeOfG2AffineCompressed
	// SetupVKKSize is the K points of the verifying key (one per public input, plus the constant
	// wire), compressed G1, concatenated.
	SetupVKKSize = (commit.NbPublic + 1) * curve.SizeOfG1AffineCompressed
	// SetupMaxBeaconSize bounds the beacon (the chain uses a 32-byte block header hash).
	SetupMaxBeaconSize = 64
)

// SetupContributionVerifyGas is charged before VerifySetupContribution runs, and
// SetupVerifyingKeyGas before SetupVerifyingKey. Both are priced like VerifyGas (8,000 gas for one
// Groth16 verification), in proportion to measured time: on the reference machine (2 cores,
// `go test ./zk/verifier -run '^$' -bench 'SetupContribution|SetupVerifyingKey|Verify$'`)
// BenchmarkVerify takes 0.59 ms, BenchmarkVerifySetupContribution 1.72 ms (hash to G2, three
// 2-pairing checks, six subgroup-checked decodings: 2.9 verifications) and
// BenchmarkSetupVerifyingKey 1.37 ms (2.3 verifications), rounded up.
const (
	SetupContributionVerifyGas uint64 = 24000
	SetupVerifyingKeyGas       uint64 = 19000
)

// dstDelta is gnark's domain separation tag for the delta update (mpcsetup.DST_DELTA) and
// phase2BeaconDST the one for the beacon's final contribution (Phase2.Seal).
const dstDelta = 0

var phase2BeaconDST = []byte("Groth16 MPC Setup - Phase2")

// Sentinel errors of the setup checks (every error of this package wraps exactly one sentinel).
var (
	ErrBadSetupAnchor       = errors.New("bad setup anchor")
	ErrBadSetupContribution = errors.New("bad setup contribution")
)

// SetupAnchor is the phase-1 data the chain keeps in params: [alpha]₁, [beta]₁ and [beta]₂ of
// the sealed powers of tau, compressed (32, 32 and 64 bytes).
type SetupAnchor struct{ Alpha1, Beta1, Beta2 []byte }

// SetupContribution is what the chain records of one phase-2 contribution.
type SetupContribution struct {
	StateHash []byte // sha256 of the phase-2 state after this contribution: the next challenge
	DeltaG1   []byte // [delta]₁ after this contribution, compressed
	DeltaG2   []byte // [delta]₂ after this contribution, compressed
	Proof     []byte // mpcsetup.UpdateProof of the delta update, SetupUpdateProofSize bytes
}

type anchorPoints struct {
	alpha1, beta1 curve.G1Affine
	beta2         curve.G2Affine
}

// CheckSetupAnchor validates sizes, canonical encodings, subgroup membership and that no point
// is at infinity, and that [beta]₁ and [beta]₂ share their discrete logarithm (one pairing check:
// gnark's prover uses the first, the verifier the second).
func CheckSetupAnchor(a SetupAnchor) error {
	var pts anchorPoints
	if err := decodeSetupPoints(ErrBadSetupAnchor, []setupPoint{
		{"alpha1", a.Alpha1, &pts.alpha1}, {"beta1", a.Beta1, &pts.beta1}, {"beta2", a.Beta2, &pts.beta2},
	}); err != nil {
		return err
	}
	_, _, g1, g2 := curve.Generators()
	if !sameRatio(pts.beta1, g1, pts.beta2, g2) {
		return fmt.Errorf("%w: beta1 and beta2 are not the same secret", ErrBadSetupAnchor)
	}
	return nil
}

// InitialDelta returns the compressed G1 and G2 generators: delta before any contribution
// (Phase2.Initialize starts from delta = 1).
func InitialDelta() (g1, g2 []byte) {
	_, _, p1, p2 := curve.Generators()
	b1, b2 := p1.Bytes(), p2.Bytes()
	return b1[:], b2[:]
}

// VerifySetupContribution checks c against the previous state hash and delta: sizes, point
// decoding (canonical, subgroup, not at infinity), the proof of knowledge of the contributed
// secret x (challenge = prevStateHash) and that delta was multiplied by x in both groups.
//
// It is deterministic and runs no goroutines: it makes gnark-crypto's UpdateProof.Verify checks
// itself. (With one G1 and one G2 update UpdateProof.Verify would draw no randomness either:
// powersOfRandom(1) is just [1]; but its multi-exponentiations spread over goroutines and it
// panics on errors a hostile input could not reach anyway.) The three checks, with R =
// HashToG2(uncompressed [x]₁ || prevStateHash, dst 0) as in mpcsetup.pokBase:
//
//	e([x]₁, R) = e(g₁, π)                      proof of knowledge of x
//	e(delta₁', R) = e(delta₁, π)               delta₁' = x·delta₁
//	e([x]₁, delta₂) = e(g₁, delta₂')           delta₂' = x·delta₂
func VerifySetupContribution(prevStateHash, prevDeltaG1, prevDeltaG2 []byte, c SetupContribution) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrBadSetupContribution, r)
		}
	}()
	if len(prevStateHash) != SetupStateHashSize || len(c.StateHash) != SetupStateHashSize {
		return fmt.Errorf("%w: state hashes must be %d bytes", ErrBadSetupContribution, SetupStateHashSize)
	}
	if len(c.Proof) != SetupUpdateProofSize {
		return fmt.Errorf("%w: proof is %d bytes, want %d", ErrBadSetupContribution, len(c.Proof), SetupUpdateProofSize)
	}
	var prev1, next1, commitment curve.G1Affine
	var prev2, next2, pok curve.G2Affine
	if err := decodeSetupPoints(ErrBadSetupContribution, []setupPoint{
		{"previous delta_g1", prevDeltaG1, &prev1},
		{"previous delta_g2", prevDeltaG2, &prev2},
		{"delta_g1", c.DeltaG1, &next1},
		{"delta_g2", c.DeltaG2, &next2},
		{"proof commitment", c.Proof[:curve.SizeOfG1AffineCompressed], &commitment},
		{"proof of knowledge", c.Proof[curve.SizeOfG1AffineCompressed:], &pok},
	}); err != nil {
		return err
	}
	r, err := pokBase(&commitment, prevStateHash)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadSetupContribution, err)
	}
	_, _, g1, _ := curve.Generators()
	switch {
	case !sameRatio(commitment, g1, pok, r):
		return fmt.Errorf("%w: proof of knowledge does not verify against the previous state hash", ErrBadSetupContribution)
	case !sameRatio(next1, prev1, pok, r):
		return fmt.Errorf("%w: delta_g1 is not the previous delta times the proven secret", ErrBadSetupContribution)
	case !sameRatio(commitment, g1, next2, prev2):
		return fmt.Errorf("%w: delta_g2 is not the previous delta times the proven secret", ErrBadSetupContribution)
	}
	return nil
}

// SetupVerifyingKey builds the verifying key of a finished setup in the exact format
// CheckVerifyingKey and Verify accept (gnark's compressed WriteTo, VerifyingKeySize bytes),
// as gnark's Phase2.Seal would: alpha, beta from the anchor, gamma = the G2 generator, delta =
// the last contribution's delta times the beacon's contribution
// (mpcsetup.BeaconContributions(lastStateHash, "Groth16 MPC Setup - Phase2", beacon, 1)), and
// the K points as recorded. The sealed delta is the key's bytes [192:224] (G1) and [224:288]
// (G2). CheckVerifyingKey runs on the result.
func SetupVerifyingKey(a SetupAnchor, vkK []byte, lastStateHash, lastDeltaG1, lastDeltaG2, beacon []byte) (vk []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			vk, err = nil, fmt.Errorf("%w: %v", ErrBadSetupContribution, r)
		}
	}()
	if err := CheckSetupAnchor(a); err != nil {
		return nil, err
	}
	if len(vkK) != SetupVKKSize {
		return nil, fmt.Errorf("%w: K points are %d bytes, want %d", ErrBadVerifyingKey, len(vkK), SetupVKKSize)
	}
	if len(lastStateHash) != SetupStateHashSize {
		return nil, fmt.Errorf("%w: state hash must be %d bytes", ErrBadSetupContribution, SetupStateHashSize)
	}
	if len(beacon) == 0 || len(beacon) > SetupMaxBeaconSize {
		return nil, fmt.Errorf("%w: beacon must be 1 to %d bytes", ErrBadSetupContribution, SetupMaxBeaconSize)
	}
	var delta1 curve.G1Affine
	var delta2 curve.G2Affine
	if err := decodeSetupPoints(ErrBadSetupContribution, []setupPoint{
		{"delta_g1", lastDeltaG1, &delta1}, {"delta_g2", lastDeltaG2, &delta2},
	}); err != nil {
		return nil, err
	}
	var b big.Int
	mpcsetup.BeaconContributions(lastStateHash, phase2BeaconDST, beacon, 1)[0].BigInt(&b)
	delta1.ScalarMultiplication(&delta1, &b)
	delta2.ScalarMultiplication(&delta2, &b)

	_, _, _, gamma2 := curve.Generators()
	var buf bytes.Buffer
	for _, p := range [][]byte{a.Alpha1, a.Beta1, a.Beta2, compressG2(&gamma2), compressG1(&delta1), compressG2(&delta2)} {
		buf.Write(p)
	}
	buf.Write(binary.BigEndian.AppendUint32(nil, commit.NbPublic+1))
	buf.Write(vkK)
	buf.Write(make([]byte, 8)) // no committed public inputs, no commitment keys
	if err := CheckVerifyingKey(buf.Bytes()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
