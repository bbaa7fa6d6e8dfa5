package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
)

// rawReps is how many times each raw rate is measured; the median counts.
const rawReps = 3

// rawFigures are verifications per second with no chain around them.
type rawFigures struct {
	OneCore  float64 // GOMAXPROCS=1, one goroutine
	AllCores float64 // GOMAXPROCS=NumCPU, NumCPU goroutines
	Cores    int
	// OneCoreRuns and AllCoresRuns are the single measurements.
	OneCoreRuns, AllCoresRuns []float64
	// PerVerify is 1/OneCore.
	PerVerify time.Duration
}

// rawStatement is one proof with what it is checked against.
type rawStatement struct {
	proof []byte
	st    verifier.Statement
}

// measureRaw verifies digits proofs in a loop: on one core (GOMAXPROCS=1),
// then on all cores, rawReps times each, and reports the medians. Proofs
// rotate over a few distinct statements and the uncached path is used, so
// each iteration is a full verification: statement, proof decoding, pairing.
func measureRaw(ctx context.Context, m *model, d time.Duration) (rawFigures, error) {
	var sts []rawStatement
	for i := range 8 {
		worker := make([]byte, 20)
		worker[0] = byte(i + 1)
		input := m.inputs[i%len(m.inputs)]
		out, proof, err := m.prover.Prove("hyra-bench-raw", uint64(i+1), worker, input)
		if err != nil {
			return rawFigures{}, err
		}
		in, err := verifier.InputCommitment(vector.Encode(input), m.artifact.InputScheme())
		if err != nil {
			return rawFigures{}, err
		}
		sts = append(sts, rawStatement{proof: proof, st: verifier.Statement{
			ChainID: "hyra-bench-raw", TaskID: uint64(i + 1), Worker: worker,
			InputCommitment: in, Output: vector.Encode(out),
		}})
	}
	v := verifier.New()     // its verified-proof cache stays unused: VerifyUncached
	for _, s := range sts { // warm the key cache
		if err := v.VerifyUncached(m.vk, s.proof, s.st); err != nil {
			return rawFigures{}, fmt.Errorf("raw verification: %w", err)
		}
	}
	f := rawFigures{Cores: runtime.NumCPU()}
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for range rawReps {
		if ctx.Err() != nil {
			return f, ctx.Err()
		}
		runtime.GOMAXPROCS(1)
		f.OneCoreRuns = append(f.OneCoreRuns, verifyRate(v, m.vk, sts, 1, d))
		runtime.GOMAXPROCS(f.Cores)
		f.AllCoresRuns = append(f.AllCoresRuns, verifyRate(v, m.vk, sts, f.Cores, d))
	}
	f.OneCore, f.AllCores = median(f.OneCoreRuns), median(f.AllCoresRuns)
	f.PerVerify = time.Duration(float64(time.Second) / f.OneCore)
	step("  one core: %.0f verifications/s (%s each); %d cores: %.0f/s", f.OneCore, f.PerVerify.Round(time.Microsecond), f.Cores, f.AllCores)
	return f, nil
}

// verifyRate runs g goroutines verifying for d and returns verifications/s.
func verifyRate(v *verifier.Verifier, vk []byte, sts []rawStatement, g int, d time.Duration) float64 {
	var n atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for w := range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i++ {
				s := sts[i%len(sts)]
				if v.VerifyUncached(vk, s.proof, s.st) == nil {
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(start).Seconds()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
