package worker

import (
	"context"
	"slices"
	"time"

	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// claimed is a task the worker has just claimed and how long the claim took
// (broadcast to commit).
type claimed struct {
	task tptypes.Task
	took time.Duration
}

// claim claims one task the worker can prove, or returns nil if there is
// none. With --pools it claims the oldest open task of those pools
// (x/taskpool ClaimTask); otherwise the best task of each served model
// through x/router's ClaimBest. It looks before it claims, so that an
// idle worker sends no transactions; a claim the chain still refuses (another
// worker was faster) is logged and the next candidate tried.
func (w *Worker) claim(ctx context.Context) (*claimed, error) {
	if len(w.cfg.Pools) > 0 {
		return w.claimFromPools(ctx, w.cfg.Pools)
	}
	models, err := w.servedModels(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range models {
		t, err := w.chain.bestOpenTask(ctx, m)
		if err != nil {
			return nil, err
		}
		if t == nil || !w.canServe(ctx, t) {
			continue
		}
		var resp routertypes.MsgClaimBestResponse
		c, err := w.sendClaim(ctx, &routertypes.MsgClaimBest{Worker: w.addr.String(), ModelId: m}, &resp, "model", m)
		if c == nil || err != nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		return w.loadClaimed(ctx, resp.TaskId, c.took)
	}
	return nil, nil
}

// claimFromPools claims the oldest open task of the first pool that has one
// the worker can prove.
func (w *Worker) claimFromPools(ctx context.Context, pools []uint64) (*claimed, error) {
	for _, p := range pools {
		t, err := w.chain.oldestOpenTask(ctx, p)
		if err != nil {
			return nil, err
		}
		if t == nil || !w.canServe(ctx, t) {
			continue
		}
		var resp tptypes.MsgClaimTaskResponse
		c, err := w.sendClaim(ctx, &tptypes.MsgClaimTask{Worker: w.addr.String(), PoolId: p, TaskId: t.Id}, &resp, "pool", p)
		if err != nil {
			return nil, err
		}
		if c != nil {
			return w.loadClaimed(ctx, resp.TaskId, c.took)
		}
	}
	return nil, nil
}

// sendClaim sends a claim message and decodes its response into resp. A
// refused claim is logged and returns (nil, nil).
func (w *Worker) sendClaim(ctx context.Context, msg sdk.Msg, resp proto.Message, kind string, id uint64) (*claimed, error) {
	start := time.Now()
	res, err := w.sender.Send(ctx, msg)
	if client.IsRejected(err) {
		w.log.Warn("claim refused", kind, id, "reason", err)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := res.MsgResponse(0, resp); err != nil {
		return nil, err
	}
	return &claimed{took: time.Since(start)}, nil
}

// loadClaimed reads the claimed task back from the chain.
func (w *Worker) loadClaimed(ctx context.Context, id uint64, took time.Duration) (*claimed, error) {
	t, err := w.chain.task(ctx, id)
	if err != nil {
		return nil, err
	}
	w.log.Info("claimed", "task", t.Id, "pool", t.PoolId, "model", t.ModelId, "version", t.ModelVersion,
		"reward", t.Reward.String(), "claim", took.Round(time.Millisecond), "claim_expiry", t.ClaimExpiry.Format(time.RFC3339))
	return &claimed{task: t, took: took}, nil
}

// canServe reports whether the worker may and can prove a task: its model is
// among --models (if given) and the proving key of its version is at hand.
func (w *Worker) canServe(ctx context.Context, t *tptypes.Task) bool {
	if len(w.cfg.Models) > 0 && !slices.Contains(w.cfg.Models, t.ModelId) {
		return false
	}
	_, err := w.provers.get(ctx, t.ModelId, t.ModelVersion)
	return err == nil
}

// servedModels are --models, or else every active model whose current
// version the worker can prove.
func (w *Worker) servedModels(ctx context.Context) ([]uint64, error) {
	if len(w.cfg.Models) > 0 {
		return w.cfg.Models, nil
	}
	models, err := w.chain.activeModels(ctx)
	if err != nil {
		return nil, err
	}
	var ids []uint64
	for _, m := range models {
		if _, err := w.provers.get(ctx, m.Id, m.Version); err == nil {
			ids = append(ids, m.Id)
		}
	}
	return ids, nil
}
