package prover_test

import (
	"bytes"
	"io"
	"math/rand"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/circuit"
	tm "github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/verifier"
)

const circuitCurve = ecc.BN254

// BenchmarkDigits measures the digits model end to end: compile, setup, prove (including the
// prover's self-verification) and chain verification, and reports constraints and sizes.
func BenchmarkDigits(b *testing.B) {
	samples, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(b, err)
	benchModel(b, models.DigitsArtifact, samples.Samples[0].Input)
}

// BenchmarkDigitsPrivate is BenchmarkDigits on the private-capable copy of the model, proving
// private tasks (a random blinding): the cost of hiding the input and sealing the output.
func BenchmarkDigitsPrivate(b *testing.B) {
	samples, err := models.ParseSamples(models.DigitsSamples)
	require.NoError(b, err)
	benchModel(b, models.DigitsPrivateArtifact, samples.Samples[0].Input)
}

// BenchmarkMNISTMLP measures a hyra-qnn/v2 784-128-10 MLP on 0..255 pixels with random
// int8-like weights, shaped like the planned bundled MNIST MLP (issue target: prove <= 1 s,
// <= 2 GiB on 2 cores).
func BenchmarkMNISTMLP(b *testing.B) {
	_, doc := tm.MNISTMLP(1)
	benchModel(b, doc, tm.RandomInput(rand.New(rand.NewSource(1)), 784, 0, 255))
}

// BenchmarkMNISTCNN measures a hyra-qnn/v2 LeNet-like CNN (conv 6@5x5, requant, relu, maxpool
// 2, conv 16@5x5, requant, relu, maxpool 2, dense 10) with random int8-like weights (issue
// target: prove <= 5 s, <= 6 GiB on 2 cores).
func BenchmarkMNISTCNN(b *testing.B) {
	_, doc := tm.MNISTCNN(1)
	benchModel(b, doc, tm.RandomInput(rand.New(rand.NewSource(1)), 784, 0, 255))
}

// BenchmarkBundledMNIST measures the bundled MNIST models (zk/models/mnist-*, imported from
// PyTorch) on a random image; it skips a model whose artifact is not there.
func BenchmarkBundledMNIST(b *testing.B) {
	for _, name := range []string{"mnist-mlp", "mnist-cnn"} {
		doc, err := os.ReadFile("../models/" + name + "/artifact.json")
		if err != nil {
			b.Logf("%s: %v", name, err)
			continue
		}
		a, err := artifact.Parse(doc)
		require.NoError(b, err)
		b.Run(name, func(b *testing.B) {
			benchModel(b, doc, tm.RandomInput(rand.New(rand.NewSource(1)), a.Input.Length, a.Input.Min, a.Input.Max))
		})
	}
}

// benchModel runs compile, setup, prove and verify on one artifact. prove reports the process's
// peak resident memory while proving (the proving key and constraint system loaded, as in a
// worker), from VmHWM after resetting it through /proc/self/clear_refs, and its CPU time per
// proof.
func benchModel(b *testing.B, doc []byte, in []int64) {
	b.Helper()
	a, err := artifact.Parse(doc)
	require.NoError(b, err)
	worker := make([]byte, 20)

	b.Run("compile", func(b *testing.B) {
		loop(b, func(int) {
			ccs, err := circuit.Compile(a)
			require.NoError(b, err)
			b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints")
		})
	})
	var keys *setup.Keys
	b.Run("setup", func(b *testing.B) {
		loop(b, func(int) {
			keys, err = setup.Generate(a, io.Discard)
			require.NoError(b, err)
		})
		b.ReportMetric(float64(len(keys.ProvingKey)), "pk_bytes")
		b.ReportMetric(float64(len(keys.VerifyingKey)), "vk_bytes")
	})
	if keys == nil { // setup filtered out (-bench 'MNISTCNN/prove'): one untimed setup
		keys, err = setup.Generate(a, io.Discard)
		require.NoError(b, err)
	}
	p, err := prover.New(doc, keys.ProvingKey, keys.VerifyingKey)
	require.NoError(b, err)
	var r fr.Element // a private task's blinding on a private-capable model, else 0
	if a.Private {
		_, err = r.SetRandom()
		require.NoError(b, err)
	}
	var res *prover.Result
	b.Run("prove", func(b *testing.B) {
		resetPeakRSS()
		loop(b, func(i int) {
			res, err = p.ProveBlinded("hyra-bench", uint64(i), worker, in, r)
			require.NoError(b, err)
		})
		b.ReportMetric(float64(len(res.Proof)), "proof_bytes")
		if peak := peakRSS(); peak > 0 {
			b.ReportMetric(float64(peak)/(1<<20), "peak_rss_MiB")
		}
	})
	// Proved again here: with the prove benchmark filtered out (-bench 'MNISTMLP/verify'), res
	// would be nil.
	res, err = p.ProveBlinded("hyra-bench", 0, worker, in, r)
	require.NoError(b, err)
	proof, st := res.Proof, res.Statement
	b.Run("verify", func(b *testing.B) {
		v := verifier.New() // the chain's: key decoded once, every proof checked in full
		require.NoError(b, v.Verify(keys.VerifyingKey, proof, st))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			require.NoError(b, v.VerifyUncached(keys.VerifyingKey, proof, st))
		}
	})
	b.Run("gnark-verify", func(b *testing.B) {
		vk := groth16.NewVerifyingKey(circuitCurve)
		_, err := vk.ReadFrom(bytes.NewReader(keys.VerifyingKey))
		require.NoError(b, err)
		gp := groth16.NewProof(circuitCurve)
		_, err = gp.ReadFrom(bytes.NewReader(proof))
		require.NoError(b, err)
		as, err := circuit.AssignBlinded(a, st.ChainID, st.TaskID, worker, in, r)
		require.NoError(b, err)
		pw, err := circuit.Witness(as.Circuit, true)
		require.NoError(b, err)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			require.NoError(b, groth16.Verify(gp, vk, pw))
		}
	})
}

// loop runs f b.N times and reports its CPU time per run besides the wall time.
func loop(b *testing.B, f func(i int)) {
	b.Helper()
	cpu := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f(i)
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu_ms/op")
}

// cpuTime is the process's user+system CPU time: with the machine shared, cpu_ms/op divided by
// the cores is what a prove takes on an idle machine, where ns/op includes waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS frees what the GC can and resets the kernel's peak-RSS counter (Linux).
func resetPeakRSS() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS returns VmHWM in bytes, or 0 where /proc is unavailable.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
