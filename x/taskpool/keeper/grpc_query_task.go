package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

type (
	poolStatusKey  = collections.Triple[uint64, int32, uint64]
	poolStatusOpts = query.CollectionsPaginateOptions[poolStatusKey]
)

// Task returns a task.
func (q queryServer) Task(ctx context.Context, req *types.QueryTaskRequest) (*types.QueryTaskResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	t, err := q.k.Tasks.Get(ctx, req.Id)
	if err != nil {
		return nil, notFound(err, "task %d not found", req.Id)
	}
	return &types.QueryTaskResponse{Task: t.WithInputVector()}, nil
}

// Tasks pages through tasks. Each filter is served by an index: pool and
// status by (pool, status, id), status alone by (status, id), pool alone by
// the (pool, ...) range of the first; no filter walks the tasks themselves.
func (q queryServer) Tasks(ctx context.Context, req *types.QueryTasksRequest) (*types.QueryTasksResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, known := types.TaskStatus_name[int32(req.Status)]; !known {
		return nil, status.Errorf(codes.InvalidArgument, "unknown status %d", req.Status)
	}
	var (
		tasks []types.Task
		page  *query.PageResponse
		err   error
	)
	st := int32(req.Status)
	byPoolStatus := func(key poolStatusKey, _ collections.NoValue) (types.Task, error) {
		return q.k.Tasks.Get(ctx, key.K3())
	}
	switch {
	case req.PoolId != 0 && req.Status != types.TASK_STATUS_UNSPECIFIED:
		tasks, page, err = query.CollectionPaginate(ctx, q.k.TasksByPoolStatus, req.Pagination, byPoolStatus,
			func(o *poolStatusOpts) {
				p := collections.TripleSuperPrefix[uint64, int32, uint64](req.PoolId, st)
				o.Prefix = &p
			})
	case req.PoolId != 0:
		tasks, page, err = query.CollectionPaginate(ctx, q.k.TasksByPoolStatus, req.Pagination, byPoolStatus,
			func(o *poolStatusOpts) {
				p := collections.TriplePrefix[uint64, int32, uint64](req.PoolId)
				o.Prefix = &p
			})
	case req.Status != types.TASK_STATUS_UNSPECIFIED:
		tasks, page, err = query.CollectionPaginate(ctx, q.k.TasksByStatus, req.Pagination,
			func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.Task, error) {
				return q.k.Tasks.Get(ctx, key.K2())
			}, query.WithCollectionPaginationPairPrefix[int32, uint64](st))
	default:
		tasks, page, err = query.CollectionPaginate(ctx, q.k.Tasks, req.Pagination,
			func(_ uint64, t types.Task) (types.Task, error) { return t, nil })
	}
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryTasksResponse{Tasks: types.WithInputVectors(tasks), Pagination: page}, nil
}

// TasksByCreator pages through a creator's tasks through the creator index.
func (q queryServer) TasksByCreator(ctx context.Context, req *types.QueryTasksByCreatorRequest) (*types.QueryTasksByCreatorResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	creator, err := q.k.addressCodec.StringToBytes(req.Creator)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "invalid creator address: %s", err)
	}
	tasks, page, err := query.CollectionPaginate(ctx, q.k.TasksByCreator, req.Pagination,
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Task, error) {
			return q.k.Tasks.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](creator))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryTasksByCreatorResponse{Tasks: types.WithInputVectors(tasks), Pagination: page}, nil
}

// Result returns the verified result of a COMPLETED task, with the output
// also decoded into its vector; a private task's output is sealed, for its
// creator alone to open, and has no vector.
func (q queryServer) Result(ctx context.Context, req *types.QueryResultRequest) (*types.QueryResultResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	t, err := q.k.Tasks.Get(ctx, req.TaskId)
	if err != nil {
		return nil, notFound(err, "task %d not found", req.TaskId)
	}
	if t.Status != types.TASK_STATUS_COMPLETED {
		return nil, status.Errorf(codes.FailedPrecondition, "task %d is %s and has no result", t.Id, t.Status)
	}
	var out []int64
	if !t.Private {
		if out, err = vector.Decode(t.Output); err != nil {
			return nil, status.Errorf(codes.Internal, "stored output of task %d: %s", t.Id, err)
		}
	}
	return &types.QueryResultResponse{
		TaskId:       t.Id,
		Output:       t.Output,
		OutputVector: out,
		Proof:        t.Proof,
		Worker:       t.Worker,
		CompletedAt:  t.CompletedAt,
		ModelId:      t.ModelId,
		ModelVersion: t.ModelVersion,
		Private:      t.Private,
	}, nil
}
