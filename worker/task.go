package worker

import (
	"context"
	"fmt"
	"log/slog"
	"time"

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
	log := w.log.With("task", t.Id, "model", t.ModelId, "version", t.ModelVersion)
	if t.Status != tptypes.TASK_STATUS_CLAIMED || t.Worker != w.addr.String() {
		log.Info("task no longer ours", "status", t.Status.String(), "assigned", t.Worker)
		return nil
	}
	// Against the chain's time, not this machine's: after a halt the chain
	// extends claims by the outage, which the wall clock knows nothing of.
	chainTime, err := w.chain.latestBlockTime(ctx)
	if err != nil {
		return err
	}
	if !chainTime.Before(t.ClaimExpiry) {
		w.giveUp(log, t, fmt.Errorf("the claim expired at %s (latest block at %s)",
			t.ClaimExpiry.Format(time.RFC3339), chainTime.Format(time.RFC3339)))
		return nil
	}

	p, err := w.provers.get(ctx, t.ModelId, t.ModelVersion)
	if err != nil {
		w.metrics.errors.WithLabelValues(errKey).Inc()
		return w.release(ctx, log, t, fmt.Errorf("cannot prove this model version: %w", err))
	}
	input, err := t.DecodedInput()
	if err != nil {
		w.metrics.errors.WithLabelValues(errInput).Inc()
		return w.release(ctx, log, t, fmt.Errorf("task input: %w", err))
	}
	start := time.Now()
	output, proof, err := p.Prove(w.chainID, t.Id, w.addr, input)
	proveTook := time.Since(start)
	if err != nil {
		reason := fmt.Errorf("proof failed after %s: %w", proveTook.Round(time.Millisecond), err)
		w.metrics.errors.WithLabelValues(errProve).Inc()
		w.provers.setAside(t.ModelId, t.ModelVersion, reason)
		return w.release(ctx, log, t, reason)
	}
	log.Info("proved", "prove", proveTook.Round(time.Millisecond), "output_len", len(output))
	w.metrics.proved(proveTook)
	w.health.done(stepProved)

	res, err := w.sender.Send(ctx, &tptypes.MsgSubmitResult{
		Worker: w.addr.String(), TaskId: t.Id, Output: vector.Encode(output), Proof: proof,
	})
	if client.IsRejected(err) {
		// A refusal can be passing (a node that has just restarted checks
		// transactions as if at height 0 until its first block), so the
		// result is tried again a few times before the task is given up.
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
	if err != nil {
		return fmt.Errorf("submit result of task %d: %w", t.Id, err)
	}
	delete(w.rejections, t.Id)
	var resp tptypes.MsgSubmitResultResponse
	if err := res.MsgResponse(0, &resp); err != nil {
		log.Warn("result committed but its response is unreadable", "err", err)
	}
	w.metrics.accepted(resp.WorkerReward)
	w.health.done(stepSubmitted)
	log.Info("completed", "paid", resp.WorkerReward.String(), "tx", res.Hash, "height", res.Height,
		"claim", claimTook.Round(time.Millisecond), "prove", proveTook.Round(time.Millisecond),
		"submit", res.Broadcast.Round(time.Millisecond), "commit", res.Commit.Round(time.Millisecond))
	return nil
}

// release gives back a claimed task the worker cannot finish, so that
// another worker can take it at once and this one pays the release cost, not
// a lapse. If the chain refuses (the claim ran out meanwhile), the task is
// set aside until its lapse is handled; if the node cannot be reached, the
// error makes the next round try again.
func (w *Worker) release(ctx context.Context, log *slog.Logger, t tptypes.Task, reason error) error {
	res, err := w.sender.Send(ctx, &tptypes.MsgReleaseClaim{Worker: w.addr.String(), TaskId: t.Id})
	if client.IsRejected(err) {
		w.giveUp(log, t, fmt.Errorf("%w; the release was refused: %w", reason, err))
		return nil
	}
	if err != nil {
		return fmt.Errorf("release task %d (%w): %w", t.Id, reason, err)
	}
	var resp tptypes.MsgReleaseClaimResponse
	if err := res.MsgResponse(0, &resp); err != nil {
		log.Warn("release committed but its response is unreadable", "err", err)
	}
	w.health.done(stepReleased)
	log.Warn("released the task back to its pool: this worker cannot finish it", "reason", reason,
		"reputation", resp.Reputation, "tx", res.Hash)
	return nil
}

// giveUp records that the worker will not finish a task it holds, and why.
func (w *Worker) giveUp(log *slog.Logger, t tptypes.Task, reason error) {
	w.givenUp[t.Id] = reason.Error()
	w.metrics.errors.WithLabelValues(errExpired).Inc()
	log.Error("giving up task; it returns to its pool when the claim lapses (the bond may be slashed)",
		"reason", reason, "claim_expiry", t.ClaimExpiry.Format(time.RFC3339))
}
