package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// setups are the models' key setups as the demo schedules them: the digits' and iris's before
// the first task; the MNIST CNN's (over a minute of CPU: six processes on one machine each
// recompute its start and check the contributions before theirs) in the background, beside the
// digit tasks, which do not need it; the MNIST tasks wait for it. Every setup is the same as a
// network's: begin, three contributors (one independent of the owner), finalize, the worker
// deriving its proving key from the transcript.
type setups struct {
	before time.Duration // from the first begin to the small models served (the worker's start not counted)
	waited time.Duration // waiting for the large model's setup after the digit tasks
	large  time.Duration // the large model's setup from its begin to the worker serving it

	workerUp chan struct{} // closed once the worker was started (or failed to start)
	done     chan struct{}
	out      strings.Builder // the background setup's progress, printed when it is waited for
	err      error
}

// largeOwner owns the large model: its setup's transactions run beside the other owner's, so
// they are another account's (one account's transactions are sent one at a time).
const largeOwner = "cnn-owner"

// startCeremonies begins every setup and finishes the small models' (the demo's tasks start
// after it returns), with the large model's running on in the background until finish.
func startCeremonies(ctx context.Context, c *localChain, small []uint64, large uint64) (*setups, error) {
	step("DEMO-ONLY phase 1: the INSECURE test phase 1 (public secrets, zk/ceremony.InsecureTestPhase1); a network uses a real powers-of-tau ceremony")
	start := time.Now()
	if err := startServe(c); err != nil {
		return nil, err
	}
	s := &setups{workerUp: make(chan struct{}), done: make(chan struct{})}
	step("ceremony of model %d runs in the background from now on (its progress is printed once the digit tasks are done)", large)
	go func() {
		defer close(s.done)
		begun := time.Now()
		if s.err = beginSetup(ctx, &s.out, c, large, largeOwner); s.err == nil {
			<-s.workerUp
			if c.worker == nil {
				s.err = fmt.Errorf("the worker did not start")
			} else {
				s.err = finishSetup(ctx, &s.out, c, large, largeOwner)
			}
		}
		s.large = time.Since(begun)
	}()
	for _, id := range small {
		if err := beginSetup(ctx, os.Stdout, c, id, "owner"); err != nil {
			return nil, err
		}
	}
	step("starting the worker daemon: it registers, bonds, contributes to the open setups and derives its keys from the transcripts")
	workerStart := time.Now()
	err := c.startWorker(ctx)
	close(s.workerUp)
	if err != nil {
		return nil, err
	}
	workerTook := time.Since(workerStart)
	for _, id := range small {
		if err := finishSetup(ctx, os.Stdout, c, id, "owner"); err != nil {
			return nil, err
		}
	}
	if err := verifySetup(ctx, c, small[0]); err != nil {
		return nil, err
	}
	s.before = time.Since(start) - workerTook + c.phase1Took
	return s, nil
}

// finish waits for the background setup, prints its progress and returns what the setups
// added to the demo: the time before the first task and the wait after the digit tasks.
func (s *setups) finish() (time.Duration, error) {
	step("waiting for the CNN's setup, which ran beside the digit tasks")
	start := time.Now()
	<-s.done
	s.waited = time.Since(start)
	fmt.Print(s.out.String())
	if s.err != nil {
		return 0, fmt.Errorf("the background setup: %w", s.err)
	}
	return s.before + s.waited, nil
}
