package worker

import (
	"context"
	"slices"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// finishHeld finishes what the worker holds before it claims more (after a
// restart of the worker, this resumes the tasks it held): one task, or with
// --batch all of them. It reports whether it did anything, and whether the
// round may go on to claim: when the worker holds nothing, or only private
// tasks waiting for their input, which must not keep it from serving others.
// It never claims while it holds a task it gave up, until the chain takes
// that task back.
func (w *Worker) finishHeld(ctx context.Context, held []uint64) (worked, claim bool, err error) {
	for id := range w.givenUp {
		if !slices.Contains(held, id) {
			delete(w.givenUp, id)
		}
	}
	for id := range w.rejections {
		if !slices.Contains(held, id) {
			delete(w.rejections, id)
		}
	}
	for id := range w.claimTimes {
		if !slices.Contains(held, id) {
			delete(w.claimTimes, id)
		}
	}
	ready, waiting, err := w.heldTasks(ctx, held)
	if err != nil {
		return false, false, err
	}
	w.trackAwaiting(waiting, held)
	switch {
	case len(ready) > 0 && w.cfg.Batch > 1:
		return true, false, w.finishBatch(ctx, ready, 0)
	case len(ready) > 0:
		return true, false, w.finish(ctx, ready[0], w.claimTimes[ready[0].Id])
	}
	return false, len(waiting) == len(held), nil
}

// heldTasks loads the tasks the worker holds and has not given up, split
// into those it can finish now and private ones waiting for their input.
func (w *Worker) heldTasks(ctx context.Context, ids []uint64) (ready, waiting []tptypes.Task, err error) {
	var tasks []tptypes.Task
	for _, id := range ids {
		if w.isGivenUp(id) {
			continue
		}
		t, err := w.chain.task(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		tasks = append(tasks, t)
	}
	ready, waiting = splitAwaiting(tasks)
	return ready, waiting, nil
}
