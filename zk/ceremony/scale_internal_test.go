package ceremony

import (
	"bytes"
	"math/big"
	"sync"
	"testing"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/models"
)

// TestGLVEndomorphism checks the copied constants: phi(P) = (omega*x, y) is [lambda]P.
func TestGLVEndomorphism(t *testing.T) {
	for _, p := range randomG1(t, 4) {
		var phi, want curve.G1Affine
		phi.X.Mul(&p.X, &glvOmega)
		phi.Y = p.Y
		want.ScalarMultiplication(&p, glvLambda)
		require.True(t, phi.Equal(&want))
	}
}

// TestScaleG1IsScalarMultiplication compares scaleG1 with gnark-crypto's multiplication point by
// point: over more than one block (and a partial one), with infinity points among them, for
// random scalars and the edge cases of the digit plan.
func TestScaleG1IsScalarMultiplication(t *testing.T) {
	points := randomG1(t, scaleBlock+300)
	points[0].SetInfinity()
	points[scaleBlock+7].SetInfinity()
	var minusOne fr.Element
	minusOne.SetOne().Neg(&minusOne)
	scalars := []fr.Element{fr.NewElement(0), fr.NewElement(1), fr.NewElement(2), fr.NewElement(15), fr.NewElement(16), minusOne}
	for range 3 {
		var s fr.Element
		_, err := s.SetRandom()
		require.NoError(t, err)
		scalars = append(scalars, s)
	}
	for _, s := range scalars {
		got := append([]curve.G1Affine(nil), points...)
		scaleG1(got, &s)
		var sb big.Int
		s.BigInt(&sb)
		for i := range points {
			var want curve.G1Affine
			want.ScalarMultiplication(&points[i], &sb)
			require.Truef(t, got[i].Equal(&want), "scalar %s, point %d", s.String(), i)
		}
	}
}

func randomG1(t *testing.T, n int) []curve.G1Affine {
	t.Helper()
	scalars := make([]fr.Element, n)
	for i := range scalars {
		_, err := scalars[i].SetRandom()
		require.NoError(t, err)
	}
	_, _, g1, _ := curve.Generators()
	return curve.BatchScalarMultiplicationG1(&g1, scalars)
}

// BenchmarkScaleG1 compares scaleG1 with gnark's point-by-point multiplication (what
// mpcsetup.Phase2's update does, on all cores) over 2^16 points.
func BenchmarkScaleG1(b *testing.B) {
	var s fr.Element
	if _, err := s.SetRandom(); err != nil {
		b.Fatal(err)
	}
	scalars := make([]fr.Element, 1<<16)
	for i := range scalars {
		scalars[i].SetUint64(uint64(i) + 7)
	}
	_, _, g1, _ := curve.Generators()
	points := curve.BatchScalarMultiplicationG1(&g1, scalars)
	b.Run("batched", func(b *testing.B) {
		start := cpuSeconds()
		for range b.N {
			scaleG1(points, &s)
		}
		b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
	})
	b.Run("per-point", func(b *testing.B) {
		var sb big.Int
		s.BigInt(&sb)
		start := cpuSeconds()
		for range b.N {
			var wg sync.WaitGroup
			half := len(points) / 2
			for _, part := range [][]curve.G1Affine{points[:half], points[half:]} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range part {
						part[i].ScalarMultiplication(&part[i], &sb)
					}
				}()
			}
			wg.Wait()
		}
		b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
	})
}

// TestSealIsGnarks seals a contributed iris state with sealPhase2 and with gnark's Phase2.Seal:
// the same proving and verifying keys, byte for byte.
func TestSealIsGnarks(t *testing.T) {
	phase1, err := InsecureTestPhase1(1 << 10)
	require.NoError(t, err)
	p, err := prepare(models.IrisArtifact, phase1)
	require.NoError(t, err)
	state, _, err := Contribute(p.setup.State)
	require.NoError(t, err)
	beacon := []byte("beacon")
	ours, err := readState(state)
	require.NoError(t, err)
	pk, vk, err := sealPhase2(ours, fileHash(state), p.commons, &p.evals, beacon)
	require.NoError(t, err)
	theirs, err := readState(state)
	require.NoError(t, err)
	gpk, gvk := theirs.Seal(p.commons, &p.evals, beacon)
	var a, b bytes.Buffer
	_, err = pk.WriteRawTo(&a)
	require.NoError(t, err)
	_, err = gpk.(*groth16bn254.ProvingKey).WriteRawTo(&b)
	require.NoError(t, err)
	require.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "proving keys differ")
	a.Reset()
	b.Reset()
	_, err = vk.WriteRawTo(&a)
	require.NoError(t, err)
	_, err = gvk.(*groth16bn254.VerifyingKey).WriteRawTo(&b)
	require.NoError(t, err)
	require.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "verifying keys differ")
}
