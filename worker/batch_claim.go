package worker

import (
	"context"
	"fmt"
	"slices"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// claimedBatch is the tasks one transaction claimed and how long it took.
type claimedBatch struct {
	tasks []tptypes.Task
	took  time.Duration
}

// claimMany claims up to n tasks the worker can prove in one transaction,
// under the constraints of claim (--pools, --models, --min-window), or
// returns nil if there is none.
func (w *Worker) claimMany(ctx context.Context, n int) (*claimedBatch, error) {
	if len(w.cfg.Pools) > 0 {
		return w.claimManyFromPools(ctx, n)
	}
	served, err := w.servedVersions(ctx)
	if err != nil || len(served) == 0 {
		return nil, err
	}
	if ok, err := w.anyTaskFor(ctx, served); err != nil || !ok {
		return nil, err
	}
	// One ClaimBest with a count: the chain claims up to n of the best
	// tasks, fewer if fewer are claimable.
	msg := &routertypes.MsgClaimBest{Worker: w.addr.String(), Models: served, MinWindow: w.cfg.MinWindow, Count: uint32(n), EncryptionKey: w.claimKey()} //nolint:gosec // G115: n is at most MaxBatch
	return w.sendClaims(ctx, []sdk.Msg{msg}, "models", servedString(served))
}

// claimManyFromPools claims, oldest first, up to n open tasks of the pools
// that the worker can prove and may still claim (see claimFromPools).
func (w *Worker) claimManyFromPools(ctx context.Context, n int) (*claimedBatch, error) {
	var msgs []sdk.Msg
	for _, p := range w.cfg.Pools {
		timeout, tasks, err := w.chain.poolOpenTasks(ctx, p)
		if err != nil {
			return nil, err
		}
		if timeout < w.cfg.MinWindow {
			continue
		}
		for _, t := range tasks {
			if len(msgs) < n && t.ClaimableAt(time.Now(), timeout) && w.canServe(ctx, &t) {
				msgs = append(msgs, &tptypes.MsgClaimTask{Worker: w.addr.String(), PoolId: p, TaskId: t.Id, EncryptionKey: w.claimKey()})
			}
		}
	}
	if len(msgs) == 0 {
		return nil, nil
	}
	return w.sendClaims(ctx, msgs, "pools", fmt.Sprint(w.cfg.Pools))
}

// sendClaims sends claim messages in one transaction and reads the claimed
// tasks back. A claim the chain refuses in simulation (another worker was
// faster) is taken out and the rest sent again; a transaction refused
// otherwise is logged and returns nil.
func (w *Worker) sendClaims(ctx context.Context, msgs []sdk.Msg, kind, what string) (*claimedBatch, error) {
	start := time.Now()
	for {
		res, err := w.sender.Send(ctx, msgs...)
		if client.IsRejected(err) {
			w.metrics.claims.WithLabelValues("refused").Inc()
			if i, ok := failedMessage(err, len(msgs)); ok && len(msgs) > 1 {
				w.log.Debug("claim refused; claiming the others", kind, what, "reason", err)
				msgs = slices.Delete(msgs, i, i+1)
				continue
			}
			w.log.Warn("claim refused", kind, what, "reason", err)
			w.refusals.refused(err)
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		b := &claimedBatch{took: time.Since(start)}
		for i, m := range msgs {
			ids, err := claimedTaskIDs(res, i, m)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				t, err := w.chain.task(ctx, id)
				if err != nil {
					return nil, err
				}
				b.tasks = append(b.tasks, t)
			}
		}
		w.metrics.claims.WithLabelValues("claimed").Add(float64(len(b.tasks)))
		w.health.done(stepClaimed)
		ids := make([]uint64, len(b.tasks))
		for i, t := range b.tasks {
			ids[i] = t.Id
		}
		w.log.Info("claimed batch", "tasks", ids, kind, what, "claim", b.took.Round(time.Millisecond), "height", res.Height)
		return b, nil
	}
}

// claimedTaskIDs are the tasks that claim message i of a committed
// transaction got.
func claimedTaskIDs(res *client.TxResult, i int, m sdk.Msg) ([]uint64, error) {
	switch m.(type) {
	case *routertypes.MsgClaimBest:
		var r routertypes.MsgClaimBestResponse
		err := res.MsgResponse(i, &r)
		return r.TaskIds, err
	default:
		var r tptypes.MsgClaimTaskResponse
		err := res.MsgResponse(i, &r)
		return []uint64{r.TaskId}, err
	}
}

// maxActiveTasks is x/taskpool's max_active_tasks: how many claims a worker
// may hold at once, the most a batch can be.
func (c *chain) maxActiveTasks(ctx context.Context) (int, error) {
	res, err := c.tasks.Params(ctx, &tptypes.QueryParamsRequest{})
	if err != nil {
		return 0, fmt.Errorf("query taskpool params: %w", err)
	}
	return int(res.Params.MaxActiveTasks), nil
}
