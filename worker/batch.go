package worker

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// With --batch N above 1 the daemon pipelines: it claims up to N tasks in one
// transaction, proves them on up to --provers goroutines at once, and
// submits their results in one transaction, so that the chain's work per
// transaction (signature, fee, sequence) is paid once per batch instead of
// once per task. A batch of 1 is the one-task-at-a-time loop of round.

// claimAndFinishBatch claims a batch and finishes it.
func (w *Worker) claimAndFinishBatch(ctx context.Context, held int) (bool, error) {
	limit, err := w.chain.maxActiveTasks(ctx)
	if err != nil {
		return false, err
	}
	n := min(w.cfg.Batch, limit-held)
	if n < 1 {
		return false, nil
	}
	b, err := w.claimMany(ctx, n)
	if err != nil || b == nil {
		return false, err
	}
	w.refusals.claimed()
	ready, waiting := splitAwaiting(b.tasks)
	for _, t := range waiting {
		w.noteAwaiting(t, b.took)
	}
	if len(ready) == 0 {
		return true, nil
	}
	return true, w.finishBatch(ctx, ready, b.took)
}

// finishBatch proves a batch of held tasks and submits their results. Like
// finish, a stop request does not interrupt it before SubmitGrace.
func (w *Worker) finishBatch(ctx context.Context, tasks []tptypes.Task, claimTook time.Duration) error {
	return w.withGrace(ctx, fmt.Sprintf("%d tasks", len(tasks)), func(ctx context.Context) error {
		start := time.Now()
		ps, proveErr := w.proveAll(ctx, tasks, claimTook)
		if len(ps) == 0 {
			return proveErr
		}
		w.log.Info("proved batch", "results", len(ps), "of", len(tasks), "prove", time.Since(start).Round(time.Millisecond),
			"provers", min(w.cfg.Provers, len(tasks)))
		return errors.Join(proveErr, w.submitBatch(ctx, ps))
	})
}

// proveAll proves tasks on up to cfg.Provers goroutines and returns the
// results to submit, in task order; the error is of the node (see prove).
func (w *Worker) proveAll(ctx context.Context, tasks []tptypes.Task, claimTook time.Duration) ([]*proven, error) {
	out := make([]*proven, len(tasks))
	errs := make([]error, len(tasks))
	slots := make(chan struct{}, w.cfg.Provers)
	var wg sync.WaitGroup
	for i, t := range tasks {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			out[i], errs[i] = w.prove(ctx, t, claimTook)
		}()
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(p *proven) bool { return p == nil }), errors.Join(errs...)
}

// submitBatch submits proven results in one transaction. A result the
// chain refuses in simulation (which names its message) is taken out and
// handled as a refused result alone, and the rest are sent again; if the
// chain refuses the transaction otherwise, each result is submitted alone,
// so that one bad result never holds up the others.
func (w *Worker) submitBatch(ctx context.Context, ps []*proven) error {
	var errs []error
	for len(ps) > 1 {
		msgs := make([]sdk.Msg, len(ps))
		for i, p := range ps {
			msgs[i] = p.msg
		}
		res, err := w.sender.Send(ctx, msgs...)
		if err == nil {
			w.batchCompleted(ps, res)
			return errors.Join(errs...)
		}
		if !client.IsRejected(err) {
			return errors.Join(append(errs, fmt.Errorf("submit %d results: %w", len(ps), err))...)
		}
		i, ok := failedMessage(err, len(ps))
		if !ok {
			w.log.Warn("batch of results refused; submitting each alone", "results", len(ps), "reason", err)
			for _, p := range ps {
				errs = append(errs, w.submit(ctx, p))
			}
			return errors.Join(errs...)
		}
		errs = append(errs, w.refused(ctx, ps[i], err))
		ps = slices.Delete(ps, i, i+1)
	}
	if len(ps) == 1 {
		errs = append(errs, w.submit(ctx, ps[0]))
	}
	return errors.Join(errs...)
}

// batchCompleted records a committed batch of results and logs it.
func (w *Worker) batchCompleted(ps []*proven, res *client.TxResult) {
	var paid sdk.Coins
	ids := make([]uint64, len(ps))
	var prove time.Duration
	for i, p := range ps {
		c := w.accepted(p, res, i)
		if !c.IsNil() && c.IsPositive() {
			paid = paid.Add(c)
		}
		ids[i] = p.task.Id
		prove = max(prove, p.proveTook)
		p.log.Debug("completed", "tx", res.Hash, "height", res.Height)
	}
	args := withClaim([]any{"results", len(ps), "tasks", ids, "paid", paid.String(), "tx", res.Hash, "height", res.Height}, ps[0].claimTook)
	w.log.Info("completed batch", append(args, "slowest_prove", prove.Round(time.Millisecond),
		"submit", res.Broadcast.Round(time.Millisecond), "commit", res.Commit.Round(time.Millisecond))...)
}

// msgIndex finds the index the SDK gives a failed message ("failed to
// execute message; message index: 2: ...").
var msgIndex = regexp.MustCompile(`message index: (\d+)`)

// failedMessage returns which of n messages made the chain refuse a
// transaction in simulation, if it says.
func failedMessage(err error, n int) (int, bool) {
	var rej *client.RejectedError
	if !errors.As(err, &rej) || rej.Stage != "simulation" {
		return 0, false
	}
	m := msgIndex.FindStringSubmatch(rej.Log)
	if m == nil {
		return 0, false
	}
	i, perr := strconv.Atoi(m[1])
	if perr != nil || i < 0 || i >= n {
		return 0, false
	}
	return i, true
}
