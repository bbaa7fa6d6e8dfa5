package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// Setup returns a version's multi-party setup, the version's setup status
// and a page of its contributions in order: what a contributor needs to
// contribute next, and what `hyrad zk ceremony verify` checks.
func (q queryServer) Setup(ctx context.Context, req *types.QuerySetupRequest) (*types.QuerySetupResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	key := collections.Join(req.Id, req.Version)
	v, err := q.k.Versions.Get(ctx, key)
	if err != nil {
		return nil, notFound(err, "model %d version %d not found", req.Id, req.Version)
	}
	s, err := q.k.Setups.Get(ctx, key)
	if err != nil {
		return nil, notFound(err, "model %d version %d has no setup (status %s)", req.Id, req.Version, v.SetupStatus)
	}
	contribs, page, err := query.CollectionPaginate(ctx, q.k.SetupContributions, req.Pagination,
		func(_ collections.Pair[collections.Pair[uint64, uint64], uint32], c types.SetupContribution) (types.SetupContribution, error) {
			return c, nil
		}, query.WithCollectionPaginationPairPrefix[collections.Pair[uint64, uint64], uint32](key))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QuerySetupResponse{Setup: s, SetupStatus: v.SetupStatus, Contributions: contribs, Pagination: page}, nil
}
