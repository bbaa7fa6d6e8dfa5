package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/types/query"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// chain holds the query clients the worker uses. They all run over the
// node's ABCI query endpoint through the client context, so they need the
// same --node as transactions and nothing else.
type chain struct {
	cctx    sdkclient.Context
	models  modeltypes.QueryClient
	tasks   tptypes.QueryClient
	rewards rewardstypes.QueryClient
	router  routertypes.QueryClient
	bank    banktypes.QueryClient
}

func newChain(cctx sdkclient.Context) *chain {
	return &chain{
		cctx:    cctx,
		models:  modeltypes.NewQueryClient(cctx),
		tasks:   tptypes.NewQueryClient(cctx),
		rewards: rewardstypes.NewQueryClient(cctx),
		router:  routertypes.NewQueryClient(cctx),
		bank:    banktypes.NewQueryClient(cctx),
	}
}

// nodeChainID asks the node which chain it runs: a proof is bound to the chain
// id, so a worker configured for another one would only waste claims.
func (c *chain) nodeChainID(ctx context.Context) (string, error) {
	node, err := c.cctx.GetNode()
	if err != nil {
		return "", err
	}
	st, err := node.Status(ctx)
	if err != nil {
		return "", err
	}
	return st.NodeInfo.Network, nil
}

// latestBlockTime is the header time of the node's latest block: the chain's
// clock, which a claim expiry is measured against (block times lag the wall
// clock, and stand still while the chain is halted).
func (c *chain) latestBlockTime(ctx context.Context) (time.Time, error) {
	node, err := c.cctx.GetNode()
	if err != nil {
		return time.Time{}, err
	}
	st, err := node.Status(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return st.SyncInfo.LatestBlockTime, nil
}

// worker returns the worker's record; found is false if it never registered.
func (c *chain) worker(ctx context.Context, addr string) (rec tptypes.Worker, found bool, err error) {
	res, err := c.tasks.Worker(ctx, &tptypes.QueryWorkerRequest{Address: addr})
	if status.Code(err) == codes.NotFound {
		return rec, false, nil
	}
	if err != nil {
		return rec, false, fmt.Errorf("query worker: %w", err)
	}
	return res.Worker.Worker, true, nil
}

// task returns a task.
func (c *chain) task(ctx context.Context, id uint64) (tptypes.Task, error) {
	res, err := c.tasks.Task(ctx, &tptypes.QueryTaskRequest{Id: id})
	if err != nil {
		return tptypes.Task{}, fmt.Errorf("query task %d: %w", id, err)
	}
	return res.Task, nil
}

// poolOpenTasks returns a pool's claim timeout and its oldest open tasks,
// the order a ClaimTask on the pool takes them in.
func (c *chain) poolOpenTasks(ctx context.Context, poolID uint64) (time.Duration, []tptypes.Task, error) {
	pool, err := c.tasks.Pool(ctx, &tptypes.QueryPoolRequest{Id: poolID})
	if err != nil {
		return 0, nil, fmt.Errorf("query pool %d: %w", poolID, err)
	}
	res, err := c.tasks.Tasks(ctx, &tptypes.QueryTasksRequest{
		PoolId: poolID, Status: tptypes.TASK_STATUS_OPEN, Pagination: &query.PageRequest{Limit: openTasksPage},
	})
	if err != nil {
		return 0, nil, fmt.Errorf("query open tasks of pool %d: %w", poolID, err)
	}
	return pool.Pool.ClaimTimeout, res.Tasks, nil
}

// openTasksPage is how many of a model's open tasks, best paid first, the
// worker looks at before it claims.
const openTasksPage = 20

// openTasks returns the first open tasks of a model, best paid first.
func (c *chain) openTasks(ctx context.Context, modelID uint64) ([]tptypes.Task, error) {
	res, err := c.router.AvailableTasks(ctx, &routertypes.QueryAvailableTasksRequest{
		ModelId: modelID, Pagination: &query.PageRequest{Limit: openTasksPage},
	})
	if err != nil {
		return nil, fmt.Errorf("query available tasks of model %d: %w", modelID, err)
	}
	return res.Tasks, nil
}

// activeModels lists the active models with their current version number.
func (c *chain) activeModels(ctx context.Context) ([]modeltypes.Model, error) {
	var out []modeltypes.Model
	var key []byte
	for {
		res, err := c.models.Models(ctx, &modeltypes.QueryModelsRequest{Pagination: &query.PageRequest{Key: key}})
		if err != nil {
			return nil, fmt.Errorf("query models: %w", err)
		}
		for _, m := range res.Models {
			if m.Active {
				out = append(out, m)
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}

// errUnknownModel is a model id the chain does not know.
var errUnknownModel = errors.New("not registered")

// model returns a model.
func (c *chain) model(ctx context.Context, id uint64) (modeltypes.Model, error) {
	res, err := c.models.Model(ctx, &modeltypes.QueryModelRequest{Id: id})
	if status.Code(err) == codes.NotFound {
		return modeltypes.Model{}, fmt.Errorf("model %d is %w", id, errUnknownModel)
	}
	if err != nil {
		return modeltypes.Model{}, fmt.Errorf("query model %d: %w", id, err)
	}
	return res.Model, nil
}
