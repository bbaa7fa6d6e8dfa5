package verifier_test

import (
	"bytes"
	"crypto/sha256"
	"math/big"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/verifier"
)

// setupRun is a real multi-party setup of the iris circuit with gnark's mpcsetup: a phase 1 with
// one contribution sealed by a beacon, then a phase 2 with three contributions, each recorded as
// the chain records it, and gnark's own VerifyPhase2 of the whole transcript.
type setupRun struct {
	anchor      verifier.SetupAnchor
	vkK         []byte
	initialHash []byte
	records     []verifier.SetupContribution
	beacon      []byte
	gnarkVK     []byte // VerifyPhase2's verifying key, gnark's compressed WriteTo
	provingKey  []byte // VerifyPhase2's proving key, gnark's raw format
}

var irisSetup = sync.OnceValues(func() (*setupRun, error) {
	a, err := artifact.Parse(models.IrisArtifact)
	if err != nil {
		return nil, err
	}
	ccs, err := circuit.Compile(a)
	if err != nil {
		return nil, err
	}
	r1cs := ccs.(*cs.R1CS)
	n := ecc.NextPowerOfTwo(uint64(r1cs.GetNbConstraints()))

	p1 := mpcsetup.NewPhase1(n)
	p1.Contribute()
	commons, err := mpcsetup.VerifyPhase1(n, []byte("phase 1 beacon"), p1)
	if err != nil {
		return nil, err
	}
	run := &setupRun{beacon: []byte("phase 2 beacon"), anchor: verifier.SetupAnchor{
		Alpha1: compressed(commons.G1.AlphaTau[0].Bytes()),
		Beta1:  compressed(commons.G1.BetaTau[0].Bytes()),
		Beta2:  compressedG2(commons.G2.Beta.Bytes()),
	}}

	var state mpcsetup.Phase2
	evals := state.Initialize(r1cs, &commons)
	for _, k := range evals.G1.VKK {
		b := k.Bytes()
		run.vkK = append(run.vkK, b[:]...)
	}
	run.initialHash = phase2Hash(&state)

	var states []*mpcsetup.Phase2
	for range 3 {
		next := clonePhase2(&state)
		next.Contribute()
		var proof bytes.Buffer
		if _, err := next.Delta.WriteTo(&proof); err != nil {
			return nil, err
		}
		run.records = append(run.records, verifier.SetupContribution{
			StateHash: phase2Hash(next),
			DeltaG1:   compressed(next.Parameters.G1.Delta.Bytes()),
			DeltaG2:   compressedG2(next.Parameters.G2.Delta.Bytes()),
			Proof:     proof.Bytes(),
		})
		states = append(states, clonePhase2(next))
		state = *next
	}

	pk, vk, err := mpcsetup.VerifyPhase2(r1cs, &commons, run.beacon, states...)
	if err != nil {
		return nil, err
	}
	var vkBuf, pkBuf bytes.Buffer
	if _, err := vk.WriteTo(&vkBuf); err != nil {
		return nil, err
	}
	if _, err := pk.WriteRawTo(&pkBuf); err != nil {
		return nil, err
	}
	run.gnarkVK, run.provingKey = vkBuf.Bytes(), pkBuf.Bytes()
	return run, nil
})

func loadSetup(t testing.TB) *setupRun {
	t.Helper()
	run, err := irisSetup()
	if err != nil {
		t.Fatalf("iris setup: %v", err)
	}
	return run
}

func phase2Hash(p *mpcsetup.Phase2) []byte {
	h := sha256.New()
	if _, err := p.WriteTo(h); err != nil {
		panic(err)
	}
	return h.Sum(nil)
}

func clonePhase2(p *mpcsetup.Phase2) *mpcsetup.Phase2 {
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		panic(err)
	}
	var c mpcsetup.Phase2
	if _, err := c.ReadFrom(&buf); err != nil {
		panic(err)
	}
	return &c
}

func compressed(b [32]byte) []byte   { return b[:] }
func compressedG2(b [64]byte) []byte { return b[:] }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func setG1(p *curve.G1Affine, b []byte) error { _, err := p.SetBytes(b); return err }
func setG2(p *curve.G2Affine, b []byte) error { _, err := p.SetBytes(b); return err }

// nonSubgroupG2 returns the compressed encoding of a point on BN254's G2 curve (the twist)
// outside the prime-order subgroup: the twist's cofactor is not 1, so such points exist and a
// decoder that skipped the subgroup check would accept them.
func nonSubgroupG2(t testing.TB) []byte {
	t.Helper()
	_, _, _, g := curve.Generators()
	// b' = y² - x³ of the generator
	b := g.Y
	b.Square(&b)
	x3 := g.X
	x3.Square(&x3).Mul(&x3, &g.X)
	b.Sub(&b, &x3)
	x := g.X
	for range 1000 {
		x.A0.SetUint64(x.A0.Uint64() + 1)
		rhs := x
		rhs.Square(&rhs).Mul(&rhs, &x).Add(&rhs, &b)
		if rhs.Legendre() != 1 {
			continue
		}
		var p curve.G2Affine
		p.X = x
		p.Y.Sqrt(&rhs)
		if p.IsOnCurve() && !p.IsInSubGroup() {
			enc := p.Bytes()
			return enc[:]
		}
	}
	t.Fatal("no point outside the G2 subgroup found")
	return nil
}

// nonCanonicalG1 encodes the G1 generator (x = 1) with x + p as its x coordinate, which fits in
// the 254 bits below the flags: the same point, a second encoding.
func nonCanonicalG1(t testing.TB) []byte {
	t.Helper()
	_, _, g, _ := curve.Generators()
	enc := g.Bytes()
	flags := enc[0] & 0xC0
	x := new(big.Int).Add(big.NewInt(1), fp.Modulus())
	out := make([]byte, 32)
	x.FillBytes(out)
	require.Zero(t, out[0]&0xC0)
	out[0] |= flags
	return out
}
