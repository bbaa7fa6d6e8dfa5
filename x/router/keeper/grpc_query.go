package keeper

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service of x/router.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{k: k}
}

// AvailableTasks pages through open tasks, highest reward first.
func (q queryServer) AvailableTasks(ctx context.Context, req *types.QueryAvailableTasksRequest) (*types.QueryAvailableTasksResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	tasks, page, err := q.k.taskpool.OpenTasksByReward(ctx, req.ModelId, req.Pagination)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryAvailableTasksResponse{Tasks: tptypes.WithInputVectors(tasks), Pagination: page}, nil
}

// GlobalStats returns the network-wide counters kept by x/taskpool.
func (q queryServer) GlobalStats(ctx context.Context, req *types.QueryGlobalStatsRequest) (*types.QueryGlobalStatsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.taskpool.GetStats(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryGlobalStatsResponse{
		OpenTasks:      s.OpenTasks,
		ClaimedTasks:   s.ClaimedTasks,
		CompletedTasks: s.CompletedTasks,
		ActivePools:    s.ActivePools,
		ActiveWorkers:  s.ActiveWorkers,
		VolumePaid:     s.VolumePaid,
	}, nil
}

// WorkerStatus tells a worker where it stands.
func (q queryServer) WorkerStatus(ctx context.Context, req *types.QueryWorkerStatusRequest) (*types.QueryWorkerStatusResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.k.addressCodec.StringToBytes(req.Worker)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "invalid worker address: %s", err)
	}
	rep, err := q.k.rewards.Reputation(ctx, addr)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	res := &types.QueryWorkerStatusResponse{Reputation: rep}
	w, err := q.k.taskpool.GetWorker(ctx, addr)
	switch {
	case errors.Is(err, tptypes.ErrWorkerNotFound):
		res.Reason = "not registered: send MsgRegisterWorker (hyrad tx taskpool register-worker)"
		return res, nil
	case err != nil:
		return nil, status.Error(codes.Internal, err.Error())
	}
	res.Registered, res.Active = true, w.Active
	res.ActiveTaskIds, res.TotalTasks, res.TotalRewards = w.ActiveTaskIds, w.TotalTasks, w.TotalRewards
	if err := q.k.taskpool.CheckWorkerMayClaim(ctx, addr); err != nil {
		res.Reason = err.Error()
	} else {
		res.CanClaim = true
	}
	return res, nil
}

// Route tells which pool RouteTask would use for a model now, for a task due
// as late as max_task_ttl allows (a closer deadline may skip pools whose
// claim timeout it does not leave).
func (q queryServer) Route(ctx context.Context, req *types.QueryRouteRequest) (*types.QueryRouteResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := q.k.models.GetModel(ctx, req.ModelId); err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	params, err := q.k.taskpool.GetParams(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	pool, found, err := q.k.taskpool.LeastLoadedPool(ctx, req.ModelId, params.MaxTaskTtl)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	if !found {
		return &types.QueryRouteResponse{}, nil
	}
	return &types.QueryRouteResponse{PoolId: pool.Id, OpenTasks: pool.OpenTasks}, nil
}
