package worker

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
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
// (x/taskpool ClaimTask); otherwise the best task of the model versions it
// can prove, in pools that give it --min-window, through one x/router
// ClaimBest, which the chain answers under those constraints: it never hands
// out a version the worker has no key for. It looks before it claims, so
// that an idle worker sends no transactions; a claim the chain still refuses
// (another worker was faster) is logged and tried again next round.
func (w *Worker) claim(ctx context.Context) (*claimed, error) {
	if len(w.cfg.Pools) > 0 {
		return w.claimFromPools(ctx, w.cfg.Pools)
	}
	served, err := w.servedVersions(ctx)
	if err != nil || len(served) == 0 {
		return nil, err
	}
	if ok, err := w.anyTaskFor(ctx, served); err != nil || !ok {
		return nil, err
	}
	msg := &routertypes.MsgClaimBest{Worker: w.addr.String(), Models: served, MinWindow: w.cfg.MinWindow, EncryptionKey: w.claimKey()}
	var resp routertypes.MsgClaimBestResponse
	c, err := w.sendClaim(ctx, msg, &resp, "models", servedString(served))
	if c == nil || err != nil {
		return nil, err
	}
	return w.loadClaimed(ctx, resp.TaskId, c.took)
}

// anyTaskFor reports whether an open task of a served model version has
// more than the worker's window left before its deadline, reading the first
// page of each model's open tasks, best paid first. It is only a look: the
// chain decides with the pools' claim timeouts.
func (w *Worker) anyTaskFor(ctx context.Context, served []routertypes.ServedModel) (bool, error) {
	for _, m := range served {
		tasks, err := w.chain.openTasks(ctx, m.ModelId)
		if err != nil {
			return false, err
		}
		for _, t := range tasks {
			if slices.Contains(m.Versions, t.ModelVersion) && time.Until(t.Deadline) > w.cfg.MinWindow && (!t.Private || w.encKey != nil) {
				return true, nil
			}
		}
	}
	return false, nil
}

// claimFromPools claims the oldest open task of the first pool that has one
// the worker can prove and may still claim: more than the pool's claim
// timeout left before its deadline, and a timeout of at least --min-window.
func (w *Worker) claimFromPools(ctx context.Context, pools []uint64) (*claimed, error) {
	for _, p := range pools {
		timeout, tasks, err := w.chain.poolOpenTasks(ctx, p)
		if err != nil {
			return nil, err
		}
		if timeout < w.cfg.MinWindow {
			continue
		}
		i := slices.IndexFunc(tasks, func(t tptypes.Task) bool {
			return t.ClaimableAt(time.Now(), timeout) && w.canServe(ctx, &t)
		})
		if i < 0 {
			continue
		}
		t := tasks[i]
		var resp tptypes.MsgClaimTaskResponse
		c, err := w.sendClaim(ctx, &tptypes.MsgClaimTask{Worker: w.addr.String(), PoolId: p, TaskId: t.Id, EncryptionKey: w.claimKey()}, &resp, "pool", fmt.Sprint(p))
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
func (w *Worker) sendClaim(ctx context.Context, msg sdk.Msg, resp proto.Message, kind, what string) (*claimed, error) {
	start := time.Now()
	res, err := w.sender.Send(ctx, msg)
	if client.IsRejected(err) {
		w.log.Warn("claim refused", kind, what, "reason", err)
		w.metrics.claims.WithLabelValues("refused").Inc()
		w.refusals.refused(err)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := res.MsgResponse(0, resp); err != nil {
		return nil, err
	}
	w.metrics.claims.WithLabelValues("claimed").Inc()
	w.health.done(stepClaimed)
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
// among --models (if given), the proving key of its version is at hand, and
// if it is private the worker takes private tasks.
func (w *Worker) canServe(ctx context.Context, t *tptypes.Task) bool {
	if (len(w.cfg.Models) > 0 && !slices.Contains(w.cfg.Models, t.ModelId)) || (t.Private && w.encKey == nil) {
		return false
	}
	_, err := w.provers.get(ctx, t.ModelId, t.ModelVersion)
	return err == nil
}

// recentVersions is how many of a model's latest versions the worker looks
// for proving keys of: open tasks keep the version they were created with,
// so a worker with an older key can still serve the tasks made before an
// update, but older tasks than that have long expired.
const recentVersions = 4

// maxServedVersions is the most model versions one ClaimBest may list (the
// chain's limit).
const maxServedVersions = 16

// servedVersions lists, for --models or else every active model, the recent
// versions whose proving key the worker has.
func (w *Worker) servedVersions(ctx context.Context) ([]routertypes.ServedModel, error) {
	var models []modeltypes.Model
	if len(w.cfg.Models) > 0 {
		for _, id := range w.cfg.Models {
			m, err := w.chain.model(ctx, id)
			if err != nil {
				return nil, err
			}
			models = append(models, m)
		}
	} else {
		var err error
		if models, err = w.chain.activeModels(ctx); err != nil {
			return nil, err
		}
	}
	var served []routertypes.ServedModel
	n := 0
	for _, m := range models {
		var versions []uint64
		for v := m.Version; v >= 1 && v+recentVersions > m.Version && n < maxServedVersions; v-- {
			if _, err := w.provers.get(ctx, m.Id, v); err == nil {
				versions = append(versions, v)
				n++
			}
		}
		if len(versions) > 0 {
			served = append(served, routertypes.ServedModel{ModelId: m.Id, Versions: versions})
		}
	}
	return served, nil
}

// servedString is served for the log: "1:v2,v1 4:v1".
func servedString(served []routertypes.ServedModel) string {
	parts := make([]string, len(served))
	for i, m := range served {
		vs := make([]string, len(m.Versions))
		for j, v := range m.Versions {
			vs[j] = fmt.Sprintf("v%d", v)
		}
		parts[i] = fmt.Sprintf("%d:%s", m.ModelId, strings.Join(vs, ","))
	}
	return strings.Join(parts, " ")
}
