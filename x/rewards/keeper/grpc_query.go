package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/rewards/types"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service of x/rewards.
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

// Bond returns a worker's bond and whether it is enough to claim.
func (q queryServer) Bond(ctx context.Context, req *types.QueryBondRequest) (*types.QueryBondResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	worker, err := q.worker(req.Worker)
	if err != nil {
		return nil, err
	}
	// A worker that never bonded has a zero bond: clients read can_claim
	// from one answer instead of telling NotFound from a failure.
	bond, err := q.k.GetBond(ctx, worker)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	canClaim := q.k.CheckMinBond(ctx, worker) == nil
	return &types.QueryBondResponse{Bond: bond, CanClaim: canClaim}, nil
}

// Unbondings pages through a worker's unbondings through the worker index.
func (q queryServer) Unbondings(ctx context.Context, req *types.QueryUnbondingsRequest) (*types.QueryUnbondingsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	worker, err := q.worker(req.Worker)
	if err != nil {
		return nil, err
	}
	unbondings, page, err := query.CollectionPaginate(ctx, q.k.UnbondingsByWorker, req.Pagination,
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Unbonding, error) {
			return q.k.Unbondings.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](worker))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryUnbondingsResponse{Unbondings: unbondings, Pagination: page}, nil
}

// Reputation returns a worker's reputation; a worker never seen has the
// initial reputation.
func (q queryServer) Reputation(ctx context.Context, req *types.QueryReputationRequest) (*types.QueryReputationResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	worker, err := q.worker(req.Worker)
	if err != nil {
		return nil, err
	}
	rep, err := q.k.Reputation(ctx, worker)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryReputationResponse{Reputation: rep}, nil
}

// worker decodes a worker address of a request.
func (q queryServer) worker(addr string) (sdk.AccAddress, error) {
	bz, err := q.k.addressCodec.StringToBytes(addr)
	if err != nil || len(bz) == 0 {
		return nil, status.Errorf(codes.InvalidArgument, "invalid worker address %q", addr)
	}
	return bz, nil
}
