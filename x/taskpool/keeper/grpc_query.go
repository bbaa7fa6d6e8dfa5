package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service of x/taskpool.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{k: k}
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Pool returns a pool.
func (q queryServer) Pool(ctx context.Context, req *types.QueryPoolRequest) (*types.QueryPoolResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	p, err := q.k.Pools.Get(ctx, req.Id)
	if err != nil {
		return nil, notFound(err, "pool %d not found", req.Id)
	}
	return &types.QueryPoolResponse{Pool: p}, nil
}

// Pools pages through all pools in id order.
func (q queryServer) Pools(ctx context.Context, req *types.QueryPoolsRequest) (*types.QueryPoolsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	pools, page, err := query.CollectionPaginate(ctx, q.k.Pools, req.Pagination,
		func(_ uint64, p types.Pool) (types.Pool, error) { return p, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryPoolsResponse{Pools: pools, Pagination: page}, nil
}

// PoolsByModel pages through a model's pools through the model index.
func (q queryServer) PoolsByModel(ctx context.Context, req *types.QueryPoolsByModelRequest) (*types.QueryPoolsByModelResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	pools, page, err := query.CollectionPaginate(ctx, q.k.PoolsByModel, req.Pagination,
		func(key collections.Pair[uint64, uint64], _ collections.NoValue) (types.Pool, error) {
			return q.k.Pools.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ModelId))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryPoolsByModelResponse{Pools: pools, Pagination: page}, nil
}

// Worker returns a worker with its live reputation.
func (q queryServer) Worker(ctx context.Context, req *types.QueryWorkerRequest) (*types.QueryWorkerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.k.addressCodec.StringToBytes(req.Address)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "invalid worker address: %s", err)
	}
	w, err := q.k.Workers.Get(ctx, addr)
	if err != nil {
		return nil, notFound(err, "worker %s not found", req.Address)
	}
	info, err := q.k.workerInfo(ctx, addr, w)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryWorkerResponse{Worker: info}, nil
}

// Workers pages through all workers, with their live reputation.
func (q queryServer) Workers(ctx context.Context, req *types.QueryWorkersRequest) (*types.QueryWorkersResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	workers, page, err := query.CollectionPaginate(ctx, q.k.Workers, req.Pagination,
		func(addr sdk.AccAddress, w types.Worker) (types.WorkerInfo, error) {
			return q.k.workerInfo(ctx, addr, w)
		})
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryWorkersResponse{Workers: workers, Pagination: page}, nil
}

// workerInfo adds the reputation x/rewards holds now to a worker record.
func (k Keeper) workerInfo(ctx context.Context, addr sdk.AccAddress, w types.Worker) (types.WorkerInfo, error) {
	rep, err := k.rewardsKeeper.Reputation(ctx, addr)
	if err != nil {
		return types.WorkerInfo{}, err
	}
	return types.WorkerInfo{Worker: w, Reputation: rep}, nil
}

// notFound maps collections.ErrNotFound to codes.NotFound, anything else to Internal.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, collections.ErrNotFound) {
		return status.Errorf(codes.NotFound, format, args...)
	}
	return status.Error(codes.Internal, err.Error())
}
