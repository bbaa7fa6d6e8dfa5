// Command hyra-demo is `make demo`: on a fresh single-validator chain it
// registers the bundled digits, iris and MNIST CNN models, sets up their keys
// in a multi-party ceremony (on an insecure, demo-only phase 1: the owner, the
// validator through `hyrad zk ceremony serve` and the worker daemon
// contribute), starts a worker daemon, buys N inferences of held-out digit
// images and M of MNIST test images (through the CNN) through the router as a
// client would, and checks that every result was proven, verified and paid.
// It prints one line per task and ends with `DEMO OK tasks=N verified=N
// mnist=...` (exit 0) or with `DEMO FAILED: reason` (exit 1). It builds
// nothing: it runs the hyrad binary it is given.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.hyrad, "hyrad", "build/hyrad", "the hyrad binary (make demo builds it)")
	flag.IntVar(&cfg.tasks, "n", 20, "number of digit images to run")
	flag.IntVar(&cfg.mnist, "mnist", 20, "number of MNIST test images to run through the CNN (spread over the 10,000)")
	flag.DurationVar(&cfg.timeout, "timeout", 30*time.Minute, "give up after this long")
	flag.BoolVar(&cfg.verbose, "v", false, "stream the node and worker logs")
	flag.BoolVar(&cfg.keepHome, "keep-home", false, "keep the chain's temporary home after the demo")
	flag.BoolVar(&cfg.keep, "keep", false, "after the demo, keep the chain and the worker running (with the dashboard) until Ctrl-C")
	flag.Parse()

	interrupted, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg.interrupted = interrupted.Done()
	ctx, cancel := context.WithTimeout(interrupted, cfg.timeout)
	defer cancel()

	start := time.Now()
	res, err := run(ctx, cfg)
	switch {
	case err == nil:
		fmt.Printf("demo took %s\n", time.Since(start).Round(time.Second))
		fmt.Printf("DEMO OK tasks=%d verified=%d %s ceremonies=%s\n", cfg.tasks+cfg.mnist, res.verified+res.mnist.verified,
			res.mnist, res.ceremonies.Round(100*time.Millisecond))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		fmt.Printf("DEMO FAILED: not done within %s: %v\n", cfg.timeout, err)
		os.Exit(1)
	case ctx.Err() != nil:
		fmt.Println("DEMO FAILED: interrupted")
		os.Exit(130)
	default:
		fmt.Printf("DEMO FAILED: %v\n", err)
		os.Exit(1)
	}
}

type config struct {
	hyrad    string
	tasks    int
	mnist    int
	timeout  time.Duration
	verbose  bool
	keepHome bool
	// keep holds the chain and worker open after a successful demo until
	// interrupted is closed (Ctrl-C): the -timeout does not end them.
	keep        bool
	interrupted <-chan struct{}
}

// result is what the demo measured.
type result struct {
	verified   int // digit tasks verified
	mnist      mnistFigures
	ceremonies time.Duration
}

// run is the demo; every process it starts and its home are gone when it
// returns, whatever happened.
func run(ctx context.Context, cfg config) (result, error) {
	var res result
	if cfg.tasks < 1 || cfg.mnist < 1 {
		return res, errors.New("-n and -mnist must be at least 1")
	}
	if _, err := os.Stat(cfg.hyrad); err != nil {
		return res, fmt.Errorf("hyrad binary: %w (run `make build` first)", err)
	}
	c, err := newLocalChain(ctx, cfg.hyrad, cfg.verbose)
	if err != nil {
		return res, err
	}
	defer c.cleanup(cfg.keepHome)

	step("starting a single-validator chain (1 s blocks) in %s", c.home)
	if err := c.start(ctx); err != nil {
		return res, err
	}
	step("dashboard: open %s/dashboard/ in a browser", c.api)
	models, err := registerModels(ctx, c)
	if err != nil {
		return res, err
	}
	setups, err := startCeremonies(ctx, c, []uint64{models.digits, models.iris}, models.mnist)
	if err != nil {
		return res, err
	}
	if res.verified, err = runTasks(ctx, c, models.digits, cfg.tasks); err != nil {
		return res, err
	}
	if res.ceremonies, err = setups.finish(); err != nil {
		return res, err
	}
	if res.mnist, err = runMNISTTasks(ctx, c, models.mnist, cfg.mnist); err != nil {
		return res, err
	}
	if err := reportWorker(ctx, c); err != nil {
		return res, err
	}
	step("the setup ceremonies added %s to the demo: %s before the first task (insecure test phase 1 %s; digits and iris: three contributors, finalize, key derivation) and %s waiting for the CNN's after the digit tasks, beside which it ran (it took %s)",
		res.ceremonies.Round(100*time.Millisecond), setups.before.Round(100*time.Millisecond), c.phase1Took.Round(100*time.Millisecond),
		setups.waited.Round(100*time.Millisecond), setups.large.Round(100*time.Millisecond))
	if cfg.keep {
		step("verified=%d; -keep: the chain and the worker keep running, dashboard at %s/dashboard/; Ctrl-C stops them", res.verified+res.mnist.verified, c.api)
		<-cfg.interrupted
	}
	return res, nil
}

// step prints a progress line.
func step(format string, args ...any) {
	stepTo(os.Stdout, format, args...)
}

// stepTo writes a progress line to w.
func stepTo(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "==> "+format+"\n", args...)
}
