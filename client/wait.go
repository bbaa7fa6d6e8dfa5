package client

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"

	sdkclient "github.com/cosmos/cosmos-sdk/client"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TaskEndedError is a task that reached a terminal state other than
// COMPLETED: its reward went back to its creator.
type TaskEndedError struct {
	Task tptypes.Task
}

func (e *TaskEndedError) Error() string {
	why := ""
	if e.Task.InputRejections > 0 {
		why = fmt.Sprintf(" (%d of its claims ended without a usable input: rejected by the worker, or not posted within the input window)", e.Task.InputRejections)
	}
	return fmt.Sprintf("task %d ended %s without a result%s; its reward of %s was refunded to %s",
		e.Task.Id, e.Task.Status, why, e.Task.Reward, e.Task.Creator)
}

// WaitCompleted waits until a task is COMPLETED and returns it. Events (from
// an EventStream subscribed to QueryTaskCompleted, may be nil) make it return
// as soon as the completing block is committed; polling every pollEvery makes
// it return even when the websocket is down. A task that expires or is
// cancelled returns a *TaskEndedError.
func WaitCompleted(ctx context.Context, cctx sdkclient.Context, events <-chan coretypes.ResultEvent, taskID uint64, pollEvery time.Duration) (*tptypes.Task, error) {
	q := tptypes.NewQueryClient(cctx)
	ticker := time.NewTicker(pollEvery)
	defer ticker.Stop()
	var last *tptypes.Task
	var lastErr error
	for {
		res, err := q.Task(ctx, &tptypes.QueryTaskRequest{Id: taskID})
		if err == nil {
			last, lastErr = &res.Task, nil
			switch res.Task.Status {
			case tptypes.TASK_STATUS_COMPLETED:
				return &res.Task, nil
			case tptypes.TASK_STATUS_EXPIRED, tptypes.TASK_STATUS_CANCELLED, tptypes.TASK_STATUS_REFUND_PENDING:
				return nil, &TaskEndedError{Task: res.Task}
			}
		} else {
			lastErr = err
		}
		if err := waitSignal(ctx, events, ticker.C, taskID, AttrTaskCompletedID); err != nil {
			return nil, waitError(taskID, err, last, lastErr)
		}
	}
}

// waitError says why waiting stopped and where the escrow stands: a task
// still OPEN or CLAIMED keeps its reward in escrow until it completes or its
// deadline refunds it.
func waitError(taskID uint64, err error, last *tptypes.Task, lastErr error) error {
	if lastErr != nil {
		return fmt.Errorf("waiting for task %d: %w (last query error: %w)", taskID, err, lastErr)
	}
	if last == nil {
		return fmt.Errorf("waiting for task %d: %w", taskID, err)
	}
	msg := fmt.Sprintf("stopped waiting for task %d (%v): it is %s; its reward of %s stays in escrow until a "+
		"worker completes it or its deadline %s refunds it", taskID, err, last.Status, last.Reward,
		last.Deadline.Format(time.RFC3339))
	if last.Status == tptypes.TASK_STATUS_OPEN {
		msg += fmt.Sprintf("; to withdraw it now: hyrad tx taskpool cancel-task %d", taskID)
	}
	return errors.New(msg)
}

// waitSignal blocks until an event names taskID under one of keys, the
// ticker fires, or ctx ends.
func waitSignal(ctx context.Context, events <-chan coretypes.ResultEvent, tick <-chan time.Time, taskID uint64, keys ...string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick:
			return nil
		case ev := <-events:
			for _, key := range keys {
				if slices.Contains(EventIDs(ev.Events, key), taskID) {
					return nil
				}
			}
		}
	}
}
