package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service of x/modelregistry.
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

// Model returns a model and its current version, with its artifact.
func (q queryServer) Model(ctx context.Context, req *types.QueryModelRequest) (*types.QueryModelResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	m, err := q.k.Models.Get(ctx, req.Id)
	if err != nil {
		return nil, notFound(err, "model %d not found", req.Id)
	}
	v, err := q.k.ModelVersionWithArtifact(ctx, m.Id, m.Version)
	if err != nil {
		return nil, notFound(err, "model %d version %d not found", m.Id, m.Version)
	}
	return &types.QueryModelResponse{Model: m, CurrentVersion: v}, nil
}

// Models pages through all models in id order.
func (q queryServer) Models(ctx context.Context, req *types.QueryModelsRequest) (*types.QueryModelsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	models, page, err := query.CollectionPaginate(ctx, q.k.Models, req.Pagination,
		func(_ uint64, m types.Model) (types.Model, error) { return m, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryModelsResponse{Models: models, Pagination: page}, nil
}

// ModelsByOwner pages through an owner's models through the owner index.
func (q queryServer) ModelsByOwner(ctx context.Context, req *types.QueryModelsByOwnerRequest) (*types.QueryModelsByOwnerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := q.k.addressCodec.StringToBytes(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "invalid owner address: %s", err)
	}
	models, page, err := query.CollectionPaginate(ctx, q.k.ModelsByOwner, req.Pagination,
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Model, error) {
			return q.k.Models.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](owner))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryModelsByOwnerResponse{Models: models, Pagination: page}, nil
}

// ModelVersion returns one version of a model, with its artifact.
func (q queryServer) ModelVersion(ctx context.Context, req *types.QueryModelVersionRequest) (*types.QueryModelVersionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	v, err := q.k.ModelVersionWithArtifact(ctx, req.Id, req.Version)
	if err != nil {
		return nil, notFound(err, "model %d version %d not found", req.Id, req.Version)
	}
	return &types.QueryModelVersionResponse{ModelVersion: v}, nil
}

// notFound maps collections.ErrNotFound and ErrVersionNotFound to
// codes.NotFound, anything else to Internal.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, collections.ErrNotFound) || errors.Is(err, types.ErrVersionNotFound) {
		return status.Errorf(codes.NotFound, format, args...)
	}
	return status.Error(codes.Internal, err.Error())
}
