package worker

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// maxSubmitAttempts is how many times a result the chain refuses is
// submitted before the task is given up.
const maxSubmitAttempts = 5

// process proves and submits a task the worker holds a claim on. It returns
// an error only when the node could not be reached, so that the caller
// retries; a task that cannot be finished (no key for its model version, a
// failed proof, a result the chain rejects) is given back to its pool at
// once (MsgReleaseClaim: a small reputation cost instead of a lapse's slash);
// one whose claim already ran out is logged with the reason and set aside:
// the chain hands it back when the lapse is handled, and the worker claims
// nothing else while it still holds it.
func (w *Worker) process(ctx context.Context, t tptypes.Task, claimTook time.Duration) error {
	p, err := w.prove(ctx, t, claimTook)
	if p == nil || err != nil {
		return err
	}
	return w.submit(ctx, p)
}

// proven is a held task's result, ready to submit.
type proven struct {
	task      tptypes.Task
	log       *slog.Logger
	msg       *tptypes.MsgSubmitResult
	claimTook time.Duration
	proveTook time.Duration
	// private is whether the task is private (its output is sealed).
	private bool
}

// prove proves the result of a held task. It returns nil and no error for a
// task there is nothing to submit for: no longer the worker's, set aside, or
// released (see process).
func (w *Worker) prove(ctx context.Context, t tptypes.Task, claimTook time.Duration) (*proven, error) {
	log := w.log.With("task", t.Id, "model", t.ModelId, "version", t.ModelVersion)
	if t.Status != tptypes.TASK_STATUS_CLAIMED || t.Worker != w.addr.String() {
		log.Info("task no longer ours", "status", t.Status.String(), "assigned", t.Worker)
		return nil, nil
	}
	// Against the chain's time, not this machine's: after a halt the chain
	// extends claims by the outage, which the wall clock knows nothing of.
	chainTime, err := w.chain.latestBlockTime(ctx)
	if err != nil {
		return nil, err
	}
	if !chainTime.Before(t.ClaimExpiry) {
		w.giveUp(log, t, fmt.Errorf("the claim expired at %s (latest block at %s)",
			t.ClaimExpiry.Format(time.RFC3339), chainTime.Format(time.RFC3339)))
		return nil, nil
	}

	p, err := w.provers.get(ctx, t.ModelId, t.ModelVersion)
	if err != nil {
		w.metrics.errors.WithLabelValues(errKey).Inc()
		return nil, w.release(ctx, log, t, fmt.Errorf("cannot prove this model version: %w", err))
	}
	if t.Private {
		return w.provePrivate(ctx, log, t, p, claimTook)
	}
	input, err := t.DecodedInput()
	if err != nil {
		w.metrics.errors.WithLabelValues(errInput).Inc()
		return nil, w.release(ctx, log, t, fmt.Errorf("task input: %w", err))
	}
	start := time.Now()
	output, proof, err := p.Prove(w.chainID, t.Id, w.addr, input)
	proveTook := time.Since(start)
	if err != nil {
		return nil, w.proofFailed(ctx, log, t, proveTook, err)
	}
	log.Info("proved", "prove", proveTook.Round(time.Millisecond), "output_len", len(output))
	w.metrics.proved(proveTook)
	w.health.done(stepProved)
	return &proven{
		task: t, log: log, claimTook: claimTook, proveTook: proveTook,
		msg: &tptypes.MsgSubmitResult{Worker: w.addr.String(), TaskId: t.Id, Output: vector.Encode(output), Proof: proof},
	}, nil
}

// proofFailed sets aside the model version of a task whose proof failed
// after took, and gives the task back to its pool.
func (w *Worker) proofFailed(ctx context.Context, log *slog.Logger, t tptypes.Task, took time.Duration, err error) error {
	reason := fmt.Errorf("proof failed after %s: %w", took.Round(time.Millisecond), err)
	w.metrics.errors.WithLabelValues(errProve).Inc()
	w.provers.setAside(t.ModelId, t.ModelVersion, reason)
	return w.release(ctx, log, t, reason)
}

// submit submits one proven result in its own transaction.
func (w *Worker) submit(ctx context.Context, p *proven) error {
	t, log := p.task, p.log
	res, err := w.sender.Send(ctx, p.msg)
	if client.IsRejected(err) {
		return w.refused(ctx, p, err)
	}
	if err != nil {
		return fmt.Errorf("submit result of task %d: %w", t.Id, err)
	}
	paid := w.accepted(p, res, 0)
	log.Info("completed", completedArgs(p, res, paid)...)
	return nil
}

// completedArgs are the log attributes of a committed result: what it paid,
// its transaction, and how long each step took; the claim's only when this
// run of the worker timed it (see withClaim).
func completedArgs(p *proven, res *client.TxResult, paid sdk.Coin) []any {
	args := withClaim([]any{"paid", paid.String(), "tx", res.Hash, "height", res.Height}, p.claimTook)
	return append(args, "prove", p.proveTook.Round(time.Millisecond),
		"submit", res.Broadcast.Round(time.Millisecond), "commit", res.Commit.Round(time.Millisecond))
}

// withClaim adds how long a task's claim took to log attributes, unless it
// is 0: not timed by this run (a task held when the worker started, or a
// held batch), which a claim=0s would misreport.
func withClaim(args []any, took time.Duration) []any {
	if took == 0 {
		return args
	}
	return append(args, "claim", took.Round(time.Millisecond))
}

// refused handles a result the chain refused. A refusal can be passing (a
// node that has just restarted checks transactions as if at height 0 until
// its first block), so the result is tried again a few times (the error
// makes the next round do it) before the task is given up.
func (w *Worker) refused(ctx context.Context, p *proven, err error) error {
	t, log := p.task, p.log
	w.rejections[t.Id]++
	w.metrics.rejected()
	if w.rejections[t.Id] < maxSubmitAttempts {
		log.Warn("result rejected; will try again", "attempt", w.rejections[t.Id], "reason", err)
		return fmt.Errorf("submit result of task %d: %w", t.Id, err)
	}
	reason := fmt.Errorf("result rejected %d times, last: %w", w.rejections[t.Id], err)
	w.provers.setAside(t.ModelId, t.ModelVersion, reason)
	return w.release(ctx, log, t, reason)
}

// accepted records the committed result of message i of res and returns
// what it paid the worker.
func (w *Worker) accepted(p *proven, res *client.TxResult, i int) sdk.Coin {
	delete(w.rejections, p.task.Id)
	var resp tptypes.MsgSubmitResultResponse
	if err := res.MsgResponse(i, &resp); err != nil {
		p.log.Warn("result committed but its response is unreadable", "tx", res.Hash, "err", err)
	}
	w.metrics.accepted(resp.WorkerReward)
	if p.private {
		w.metrics.private.WithLabelValues(privateServed).Inc()
	}
	w.health.done(stepSubmitted)
	return resp.WorkerReward
}

// release gives back a claimed task the worker cannot finish, so that
// another worker can take it at once and this one pays the release cost, not
// a lapse. If the chain refuses (the claim ran out meanwhile), the task is
// set aside until its lapse is handled; if the node cannot be reached, the
// error makes the next round try again.
func (w *Worker) release(ctx context.Context, log *slog.Logger, t tptypes.Task, reason error) error {
	var resp tptypes.MsgReleaseClaimResponse
	res, err := w.endClaim(ctx, log, t, &tptypes.MsgReleaseClaim{Worker: w.addr.String(), TaskId: t.Id}, &resp, "release", reason)
	if res == nil || err != nil {
		return err
	}
	w.health.done(stepReleased)
	log.Warn("released the task back to its pool: this worker cannot finish it", "reason", reason,
		"reputation", resp.Reputation, "tx", res.Hash)
	return nil
}

// endClaim sends msg, which ends the worker's claim of t for reason (a
// release or an input rejection, named by what), and reads its response
// into resp. If the chain refuses it (the claim ran out meanwhile), the task
// is given up and res is nil; if the node cannot be reached, the error makes
// the next round try again.
func (w *Worker) endClaim(ctx context.Context, log *slog.Logger, t tptypes.Task, msg sdk.Msg, resp gogoproto.Message, what string, reason error) (*client.TxResult, error) {
	res, err := w.sender.Send(ctx, msg)
	if client.IsRejected(err) {
		w.giveUp(log, t, fmt.Errorf("%w; the %s was refused: %w", reason, what, err))
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s of task %d (%w): %w", what, t.Id, reason, err)
	}
	if err := res.MsgResponse(0, resp); err != nil {
		log.Warn(what+" committed but its response is unreadable", "err", err)
	}
	return res, nil
}

// isGivenUp reports whether the worker gave up a task it holds.
func (w *Worker) isGivenUp(id uint64) bool {
	w.givenUpMu.Lock()
	defer w.givenUpMu.Unlock()
	_, ok := w.givenUp[id]
	return ok
}

// giveUp records that the worker will not finish a task it holds, and why.
func (w *Worker) giveUp(log *slog.Logger, t tptypes.Task, reason error) {
	w.givenUpMu.Lock()
	w.givenUp[t.Id] = reason.Error()
	w.givenUpMu.Unlock()
	w.metrics.errors.WithLabelValues(errExpired).Inc()
	log.Error("giving up task; it returns to its pool when the claim lapses (the bond may be slashed)",
		"reason", reason, "claim_expiry", t.ClaimExpiry.Format(time.RFC3339))
}
