package ceremony_test

import (
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/models"
)

// Setup ceremony benchmarks (BENCHMARKS.md "Setup ceremony"). Phase 2 runs on the digits model
// over the insecure test phase 1 (the cost does not depend on the secrets); phase 1 on the
// domain sizes of the digits model (2^12), 2^15 and 2^18. A phase-1 contribution at 2^18 takes
// minutes, so it runs only with HYRA_BENCH_PHASE1_LARGE=1.

func digitsBegin(b *testing.B) (phase1 []byte, s *ceremony.Setup) {
	b.Helper()
	probe, err := ceremony.InsecureTestPhase1(1 << 16)
	if err != nil {
		b.Fatal(err)
	}
	if s, err = ceremony.Begin(models.DigitsArtifact, probe); err != nil {
		b.Fatal(err)
	}
	if phase1, err = ceremony.TruncatePhase1(probe, s.DomainSize); err != nil {
		b.Fatal(err)
	}
	return phase1, s
}

// BenchmarkPhase2Begin is compiling the digits circuit and initializing its phase 2 from phase 1:
// what every contributor and verifier recomputes once.
func BenchmarkPhase2Begin(b *testing.B) {
	phase1, s := digitsBegin(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ceremony.ForgetPrepared()
		if _, err := ceremony.Begin(models.DigitsArtifact, phase1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.DomainSize), "domain")
	b.ReportMetric(float64(len(s.State)), "state-bytes")
}

// BenchmarkPhase2Contribute is one contributor's work on the digits model (decode the state,
// update delta, Z and PKK, encode); state-bytes is the size of each transcript file.
func BenchmarkPhase2Contribute(b *testing.B) {
	_, s := digitsBegin(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next, _, err := ceremony.Contribute(s.State)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(next)), "state-bytes")
	}
}

// BenchmarkPhase2Verify is `hyrad zk ceremony verify` of a finished three-contributor digits
// setup: recompute the start, check each contribution, seal with the beacon.
func BenchmarkPhase2Verify(b *testing.B) {
	phase1, s := digitsBegin(b)
	state, in := s.State, ceremony.VerifyInput{Artifact: models.DigitsArtifact, Phase1: phase1, Beacon: []byte("beacon")}
	for range 3 {
		next, _, err := ceremony.Contribute(state)
		if err != nil {
			b.Fatal(err)
		}
		in.States, state = append(in.States, next), next
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ceremony.ForgetPrepared()
		if _, err := ceremony.Verify(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhase1Contribute is one phase-1 contribution (decode, update every power, encode).
func BenchmarkPhase1Contribute(b *testing.B) {
	for _, log := range []int{12, 15, 18} {
		b.Run(fmt.Sprintf("2^%d", log), func(b *testing.B) {
			if log > 15 && os.Getenv("HYRA_BENCH_PHASE1_LARGE") == "" {
				b.Skip("minutes per contribution: set HYRA_BENCH_PHASE1_LARGE=1")
			}
			start, err := ceremony.NewPhase1(1 << log)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := ceremony.ContributePhase1(start); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(start)), "file-bytes")
		})
	}
}

// BenchmarkPhase2MNISTCNN times each step of a setup of the MNIST CNN (122,694 constraints,
// domain 2^17) on the insecure test phase 1, with the ceremony cache warm (the first run fills
// it: phase 1 and its Lagrange form): start (compile, phase 1, initial state), one
// contribution, verifying one contribution, sealing (the proving key a worker derives).
// cpu-s/op is the process CPU time per step. Minutes per run: set HYRA_BENCH_CNN=1.
func BenchmarkPhase2MNISTCNN(b *testing.B) {
	if os.Getenv("HYRA_BENCH_CNN") == "" {
		b.Skip("minutes per run: set HYRA_BENCH_CNN=1")
	}
	artifactBytes, err := os.ReadFile("../models/mnist-cnn/artifact.json")
	if err != nil {
		b.Fatal(err)
	}
	phase1, err := ceremony.InsecureTestPhase1(1 << 17)
	if err != nil {
		b.Fatal(err)
	}
	s, err := ceremony.Begin(artifactBytes, phase1) // fills the cache
	if err != nil {
		b.Fatal(err)
	}
	next, _, err := ceremony.Contribute(s.State)
	if err != nil {
		b.Fatal(err)
	}
	one := ceremony.VerifyInput{Artifact: artifactBytes, Phase1: phase1, States: [][]byte{next}}
	sealed := one
	sealed.Beacon = []byte("beacon")
	for _, step := range []struct {
		name string
		run  func() error
	}{
		{"begin", func() error { ceremony.ForgetPrepared(); _, err := ceremony.Begin(artifactBytes, phase1); return err }},
		{"contribute", func() error { _, _, err := ceremony.Contribute(s.State); return err }},
		{"verify-one", func() error { _, err := ceremony.Verify(one); return err }},
		{"verify-one-and-seal", func() error { _, err := ceremony.Verify(sealed); return err }},
	} {
		b.Run(step.name, func(b *testing.B) {
			start := cpuSeconds()
			for i := 0; i < b.N; i++ {
				if err := step.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(len(next)), "state-bytes")
		})
	}
}

// cpuSeconds is the process's CPU time so far: steadier than wall time on a shared machine.
func cpuSeconds() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()).Seconds()
}
