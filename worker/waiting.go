package worker

import (
	"context"
	"time"

	"github.com/hyra-network/hyra/client"
)

// This file holds how the daemon waits: out a stop request's grace, for the
// node after a failure (with backoff), and between rounds.

// withGrace runs f under a context that a stop request (ctx ending) ends
// only SubmitGrace later.
func (w *Worker) withGrace(ctx context.Context, what string, f func(context.Context) error) error {
	grace, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		w.log.Info("stop requested; finishing the work in progress first", "work", what, "grace", w.cfg.SubmitGrace)
		time.AfterFunc(w.cfg.SubmitGrace, cancel)
	})
	defer stop()
	return f(grace)
}

// retry runs f until it succeeds, fails for good, or ctx ends.
func (w *Worker) retry(ctx context.Context, f func(context.Context) error) error {
	backoff := client.NewBackoff(500*time.Millisecond, 15*time.Second)
	for {
		err := f(ctx)
		if err == nil || isFatal(err) {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		w.nodeFailed(err)
		wait := backoff.Next()
		w.log.Warn("cannot prepare the worker yet; retrying", "err", err, "retry_in", wait)
		sleep(ctx, wait)
	}
}

// nodeFailed records a failed exchange with the node for /healthz and the
// error count.
func (w *Worker) nodeFailed(err error) {
	w.health.failed(err)
	w.metrics.errors.WithLabelValues(errNode).Inc()
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// drain discards queued events: one round looks at everything they announce.
func drain[T any](c <-chan T) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}
