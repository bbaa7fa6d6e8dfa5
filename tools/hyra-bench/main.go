// Command hyra-bench is `make bench`: it measures how many proof-verified
// results per second hyrad commits against the physical limit, which is how
// fast this machine can check Groth16/BN254 proofs at all.
//
// In one run, bounded in time, it measures:
//
//  1. raw verification of proofs, on one core and on all cores (the limit),
//     without the chain;
//  2. the worker side: proofs per second per worker and its peak memory;
//  3. the chain (a single validator and a 4-validator localnet), in one of
//     two modes or both:
//     - sustained (the default): iris results, held 100 to a worker and
//     sent -results-per-tx to a transaction, kept -inflight at most in
//     flight (a closed loop, which saturates the chain without a growing
//     mempool) or offered at a fixed -rate, -reps times for -duration: the
//     committed rate of each and their spread, latency percentiles, hyrad's
//     memory and how much other programs used the machine meanwhile; then
//     the latency at half the saturating rate;
//     - burst: N pre-proven digits results pushed as fast as the node
//     accepts them, committed results per second and per block, and the
//     end-to-end latency of the real worker flow (task routed -> verified
//     result committed);
//
// and prints the ratios of the chain's rate to the raw rates, ending with a
// line "chain/one-core ratio X.XX" for scripts, then records the figures in
// BENCHMARKS.md. It builds nothing: it runs the hyrad binary it is given.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	gnarklogger "github.com/consensys/gnark/logger"
)

// config is what the command line says.
type config struct {
	hyrad      string
	keysDir    string
	cacheDir   string
	tasks      int
	validators []int
	reps       int
	latency    int
	rawFor     time.Duration
	budget     time.Duration
	out        string
	label      string
	note       string
	node       nodeTweaks
	keep       bool
	verbose    bool
	profile    string
	jsonOut    string
	mode       string // burst, sustained or both
	sustained  sustainedConfig
}

func main() {
	var cfg config
	var validators, nodeOpts string
	flag.StringVar(&cfg.hyrad, "hyrad", "build/hyrad", "the hyrad binary (make bench builds it)")
	flag.StringVar(&cfg.keysDir, "keys", "build/keys", "cache of Groth16 keys, KEYS/<artifact sha256>/{proving,verifying}.key")
	flag.StringVar(&cfg.cacheDir, "cache", "build/bench", "cache of pre-generated proofs (the chains' homes go in a temporary directory)")
	flag.IntVar(&cfg.tasks, "n", 4000, "results pushed per chain (one task and one worker each)")
	flag.StringVar(&validators, "validators", "1,4", "chains to run: comma-separated validator counts (empty: none; the sustained mode then only proves the results it needs)")
	flag.IntVar(&cfg.reps, "reps", 3, "burst: runs of each chain, each on a fresh chain with the same proofs; sustained: repetitions of the measured phase on the chain; the figures are their median")
	flag.IntVar(&cfg.latency, "latency-tasks", 30, "tasks of the latency run with real worker daemons (0: skip)")
	flag.DurationVar(&cfg.rawFor, "raw-for", 3*time.Second, "duration of each raw verification measurement")
	flag.DurationVar(&cfg.budget, "budget", 20*time.Minute, "give up after this long")
	flag.StringVar(&cfg.out, "out", "BENCHMARKS.md", "file to record the figures in (empty: print only)")
	flag.StringVar(&cfg.label, "label", "current", "name of this run's section in -out (replaced when it exists)")
	flag.StringVar(&cfg.note, "note", "", "one line recorded with the figures (what this run changes)")
	flag.StringVar(&nodeOpts, "node", "", "node settings, comma-separated key=value (see nodeTweaks)")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the chains' homes (in the temporary directory) after the run")
	flag.BoolVar(&cfg.verbose, "v", false, "log more")
	flag.StringVar(&cfg.jsonOut, "json", "", "also append the figures as one JSON line to this file (for aggregating runs)")
	flag.StringVar(&cfg.mode, "mode", "sustained", "what to measure: sustained (a fixed offered rate, after a ramp to saturation), burst (N results at once, as fast as the node takes them) or both")
	flag.IntVar(&cfg.sustained.n, "sustained-n", 40000, "sustained: iris results proved once (cached) and offered to each chain, at most")
	flag.Float64Var(&cfg.sustained.rate, "rate", 0, "sustained: results/s offered in the measured phase, an open loop (0: a closed loop, see -inflight)")
	flag.IntVar(&cfg.sustained.inflight, "inflight", 2000, "sustained: results in flight (offered, not committed) at most in the closed loop")
	flag.DurationVar(&cfg.sustained.duration, "duration", 20*time.Second, "sustained: duration of each repetition of the measured phase")
	flag.DurationVar(&cfg.sustained.warmup, "warmup", 5*time.Second, "sustained: results offered as in the measured phase before it, not measured (0: none)")
	flag.DurationVar(&cfg.sustained.halfFor, "half-for", 5*time.Second, "sustained: duration of the latency step at half the saturating rate (0: none)")
	flag.StringVar(&cfg.sustained.model, "model", modelIris, "sustained: the model whose results are offered: iris or mnist-cnn (its keys are set up into -keys the first time; use its own -cache)")
	flag.BoolVar(&cfg.sustained.readAll, "read-all", false, "sustained: read every block's results (/block_results, the JSON of every event) as before session 8, not only /block, the pool's counters and three transactions' results")
	flag.BoolVar(&cfg.sustained.unordered, "unordered", false, "sustained: workers sign their claims and results as unordered transactions")
	flag.IntVar(&cfg.sustained.resultsPerTx, "results-per-tx", 10, "sustained: MsgSubmitResult per transaction (divides 100)")
	flag.IntVar(&cfg.sustained.claimsPerTx, "claims-per-tx", 10, "sustained: MsgClaimTask per transaction in the set-up (divides 100)")
	flag.StringVar(&cfg.profile, "profile", "", "write a CPU profile of node 0 during the push (burst) or the first 10 s of the first measured repetition (sustained) to this file (prefix; .<validators>v.pprof is added), and (sustained) of 10 s from the start of the bench's reads of that repetition's blocks (.<validators>v.reads.pprof)")
	flag.Parse()

	var err error
	if cfg.validators, err = parseInts(validators); err != nil {
		fatalf("-validators: %v", err)
	}
	if cfg.mode != modeBurst && cfg.mode != modeSustained && cfg.mode != modeBoth {
		fatalf("-mode %q: want %s, %s or %s", cfg.mode, modeSustained, modeBurst, modeBoth)
	}
	cfg.sustained.reps = cfg.reps
	if err := cfg.sustained.validate(); err != nil {
		fatalf("%v", err)
	}
	if cfg.node, err = parseNodeTweaks(nodeOpts); err != nil {
		fatalf("-node: %v", err)
	}
	gnarklogger.Disable()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, cfg.budget)
	defer cancel()

	start := time.Now()
	rep, err := run(ctx, cfg)
	if rep != nil {
		rep.Took = time.Since(start)
		rep.print(os.Stdout)
		if cfg.jsonOut != "" {
			if werr := rep.appendJSON(cfg.jsonOut); werr != nil {
				fmt.Fprintf(os.Stderr, "writing %s: %v\n", cfg.jsonOut, werr)
			}
		}
		if cfg.out != "" {
			if werr := rep.record(cfg.out); werr != nil {
				fmt.Fprintf(os.Stderr, "recording figures in %s: %v\n", cfg.out, werr)
			} else {
				fmt.Printf("figures recorded in %s (section %q)\n", cfg.out, cfg.label)
			}
		}
	}
	switch {
	case err == nil:
		fmt.Printf("BENCH OK in %s\n", time.Since(start).Round(time.Second))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		fatalf("BENCH FAILED: not done within %s: %v", cfg.budget, err)
	default:
		fatalf("BENCH FAILED: %v", err)
	}
}

// Modes of -mode.
const (
	modeBurst     = "burst"
	modeSustained = "sustained"
	modeBoth      = "both"
)

// run measures everything in order; the report holds whatever was measured
// before an error.
func run(ctx context.Context, cfg config) (*report, error) {
	rep := newReport(cfg)
	step("machine: %s, %d cores, load %s", rep.Machine.CPU, rep.Machine.Cores, rep.Machine.LoadBefore)

	// The raw rate is measured on the model whose results the chain gets:
	// the sustained mode's when it runs (a digits proof costs the same to
	// verify, one Groth16 check with three public inputs).
	var burstModel, sustainedModel *model
	var err error
	if cfg.mode != modeSustained {
		if burstModel, err = loadModel(cfg.keysDir); err != nil {
			return rep, err
		}
	}
	if cfg.mode != modeBurst {
		if sustainedModel, err = loadSustainedModel(cfg.sustained.model, cfg.keysDir); err != nil {
			return rep, err
		}
	}
	m := cmp.Or(sustainedModel, burstModel)
	rep.Model = m.name
	step("raw verification of %s proofs (%s per measurement)", m.name, cfg.rawFor)
	if rep.Raw, err = measureRaw(ctx, m, cfg.rawFor); err != nil {
		return rep, err
	}
	step("worker side: proving %s results", cmp.Or(burstModel, sustainedModel).name)
	if rep.Worker, err = measureWorker(ctx, cmp.Or(burstModel, sustainedModel)); err != nil {
		return rep, err
	}
	if len(cfg.validators) == 0 {
		// No chain: prepare the sustained mode's proofs for a later run.
		if sustainedModel != nil {
			_, rep.SustainedPregen, err = pregenerate(ctx, sustainedProofs(sustainedModel, cfg.sustained.n), cfg.cacheDir, cfg.sustained.n)
		}
		return rep, err
	}
	if sustainedModel != nil {
		if err := runSustainedChains(ctx, cfg, sustainedModel, rep); err != nil {
			return rep, err
		}
		step("raw verification again, to see whether the machine changed meanwhile")
		if rep.RawAfter, err = measureRaw(ctx, sustainedModel, cfg.rawFor); err != nil {
			return rep, err
		}
	}
	if burstModel != nil {
		if err := runBurstChains(ctx, cfg, burstModel, rep); err != nil {
			return rep, err
		}
	}
	rep.Machine.LoadAfter = loadAverage()
	return rep, nil
}

// runSustainedChains runs the sustained mode once on each chain size.
func runSustainedChains(ctx context.Context, cfg config, m *model, rep *report) error {
	n := (cfg.sustained.n + tasksPerWorker - 1) / tasksPerWorker * tasksPerWorker
	proofs, gen, err := pregenerate(ctx, sustainedProofs(m, n), cfg.cacheDir, n)
	rep.SustainedPregen = gen
	if err != nil {
		return err
	}
	for _, v := range cfg.validators {
		step("%d-validator chain, sustained: %d results available, %d to a transaction", v, len(proofs), cfg.sustained.resultsPerTx)
		res, err := runSustained(ctx, cfg, m, proofs, v)
		rep.Sustained = append(rep.Sustained, res)
		if err != nil {
			return fmt.Errorf("%d-validator chain, sustained: %w", v, err)
		}
	}
	return nil
}

// runBurstChains runs the burst mode -reps times on each chain size.
func runBurstChains(ctx context.Context, cfg config, m *model, rep *report) error {
	proofs, gen, err := pregenerate(ctx, burstProofs(m), cfg.cacheDir, cfg.tasks)
	rep.Pregen = gen
	if err != nil {
		return err
	}
	for _, v := range cfg.validators {
		for r := range max(1, cfg.reps) {
			step("%d-validator chain, burst run %d of %d: %d results", v, r+1, max(1, cfg.reps), len(proofs))
			res, err := runChain(ctx, cfg, m, proofs, v, r == 0)
			rep.Chains = append(rep.Chains, res)
			if err != nil {
				return fmt.Errorf("%d-validator chain: %w", v, err)
			}
		}
	}
	return nil
}

// step prints a progress line.
func step(format string, args ...any) {
	fmt.Printf("==> "+format+"\n", args...)
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		var v int
		if _, err := fmt.Sscan(f, &v); err != nil || v < 1 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, v)
	}
	return out, nil
}
