package ceremony

import (
	"math/rand"
	"syscall"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
)

// initializeCase is a circuit with the phase 1 truncated to its domain, and the hash of the
// phase-1 file (the Lagrange cache's key).
func initializeCase(t testing.TB, artifactBytes []byte) (*cs.R1CS, *mpcsetup.SrsCommons, []byte) {
	t.Helper()
	a, err := artifact.Parse(artifactBytes)
	require.NoError(t, err)
	ccs, err := circuit.Compile(a)
	require.NoError(t, err)
	r1cs := ccs.(*cs.R1CS)
	n := max(ecc.NextPowerOfTwo(uint64(r1cs.GetNbConstraints())), 2)
	phase1, err := InsecureTestPhase1(n)
	require.NoError(t, err)
	full, err := readCommons(phase1)
	require.NoError(t, err)
	commons, err := truncate(full, n)
	require.NoError(t, err)
	return r1cs, commons, Phase1Hash(phase1)
}

// randomConv is a v2 network with random signed weights: conv with padding, requant, relu,
// maxpool, flatten and dense.
func randomConv() []byte {
	rng := rand.New(rand.NewSource(7))
	c := testmodel.Conv(rng, 2, 1, 3, 1, [4]int{1, 1, 1, 1}, 127, 1<<12)
	d := testmodel.Dense(rng, 3, 8, 127, 1<<12)
	_, b := testmodel.V2("random-conv", artifact.Shape{1, 4, 4}, -20, 20,
		c, testmodel.Rescale(testmodel.AccBound(c, 20), 1<<6), testmodel.Op(artifact.OpReLU),
		testmodel.Pool(artifact.OpMaxPool, 2, 2), testmodel.Op(artifact.OpFlatten), d)
	return b
}

// Our initialization gives the same state file (hence the same initial state hash every
// contributor signs) and the same evaluations (hence the same K points and sealed keys) as
// gnark's Phase2.Initialize: without the Lagrange cache, filling it and reading it back.
func TestInitializeMatchesGnark(t *testing.T) {
	cases := map[string][]byte{
		"tiny": []byte(testmodel.JSON), "v2-small-cnn": []byte(testmodel.JSONV2),
		"v2-random-conv": randomConv(), "iris": models.IrisArtifact, "digits": models.DigitsArtifact,
	}
	for name, artifactBytes := range cases {
		t.Run(name, func(t *testing.T) {
			if name == "digits" && testing.Short() {
				t.Skip("gnark's Initialize of the digits circuit takes half a minute")
			}
			r1cs, commons, phase1Hash := initializeCase(t, artifactBytes)
			var want mpcsetup.Phase2
			wantEvals := want.Initialize(r1cs, commons)
			wantState, err := encode(&want)
			require.NoError(t, err)

			t.Setenv(CacheEnv, t.TempDir())
			n := len(commons.G1.AlphaTau)
			for _, mode := range []string{"no cache", "cache miss", "warm cache"} {
				key := phase1Hash
				if mode == "no cache" {
					key = nil
				}
				_, cached := readLagrange(lagrangePath(phase1Hash, n), phase1Hash, n)
				require.Equal(t, mode == "warm cache", cached == nil, mode)
				got, gotEvals, err := initializePhase2(r1cs, commons, key)
				require.NoError(t, err)

				gotState, err := encode(got)
				require.NoError(t, err)
				require.Equal(t, fileHash(wantState), fileHash(gotState), mode)
				require.Equal(t, wantState, gotState, mode)
				require.Equal(t, want, *got, mode)
				require.Equal(t, wantEvals, *gotEvals, mode)
				require.NotEmpty(t, gotEvals.G1.VKK)
			}
		})
	}
}

// BenchmarkInitialize compares gnark's Phase2.Initialize with initializePhase2 on the digits
// circuit (domain 2^12), in one run so both see the same machine load. cpu-s/op is the process
// CPU time per initialization, steadier than wall time on a shared machine.
func BenchmarkInitialize(b *testing.B) {
	r1cs, commons, phase1Hash := initializeCase(b, models.DigitsArtifact)
	b.Setenv(CacheEnv, b.TempDir())
	for name, initialize := range map[string]func(){
		"gnark": func() {
			var p mpcsetup.Phase2
			p.Initialize(r1cs, commons)
		},
		"ceremony": func() {
			if _, _, err := initializePhase2(r1cs, commons, nil); err != nil {
				b.Fatal(err)
			}
		},
		"ceremony-warm-cache": func() { // the first run fills the cache
			if _, _, err := initializePhase2(r1cs, commons, phase1Hash); err != nil {
				b.Fatal(err)
			}
		},
	} {
		b.Run(name, func(b *testing.B) {
			start := cpuSeconds()
			for i := 0; i < b.N; i++ {
				initialize()
			}
			b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
		})
	}
}

func cpuSeconds() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()).Seconds()
}
