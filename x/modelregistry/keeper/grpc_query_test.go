package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

func TestQueries(t *testing.T) {
	f := newFixture(t)
	for range 5 {
		f.register(t)
	}
	transfer := &types.MsgTransferModelOwnership{Owner: f.owner, Id: 4, NewOwner: f.other}
	_, err := f.msgs.TransferModelOwnership(f.ctx, transfer)
	require.NoError(t, err)

	t.Run("success - params", func(t *testing.T) {
		res, err := f.queries.Params(f.ctx, &types.QueryParamsRequest{})
		require.NoError(t, err)
		want := types.DefaultParams()
		want.AllowSinglePartyKeys = true // the fixture's
		require.Equal(t, want, res.Params)
	})
	t.Run("success - model with its current version", func(t *testing.T) {
		res, err := f.queries.Model(f.ctx, &types.QueryModelRequest{Id: 2})
		require.NoError(t, err)
		require.Equal(t, uint64(2), res.Model.Id)
		require.Equal(t, uint64(2), res.CurrentVersion.ModelId)
		require.Equal(t, res.Model.Version, res.CurrentVersion.Version)
	})
	t.Run("success - models, two pages", func(t *testing.T) {
		page1, err := f.queries.Models(f.ctx, &types.QueryModelsRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
		require.NoError(t, err)
		require.Len(t, page1.Models, 3)
		require.Equal(t, uint64(5), page1.Pagination.Total)
		page2, err := f.queries.Models(f.ctx, &types.QueryModelsRequest{Pagination: &query.PageRequest{Key: page1.Pagination.NextKey}})
		require.NoError(t, err)
		require.Len(t, page2.Models, 2)
		require.Equal(t, uint64(4), page2.Models[0].Id)
	})
	t.Run("success - models by owner", func(t *testing.T) {
		res, err := f.queries.ModelsByOwner(f.ctx, &types.QueryModelsByOwnerRequest{Owner: f.owner})
		require.NoError(t, err)
		ids := []uint64{}
		for _, m := range res.Models {
			ids = append(ids, m.Id)
		}
		require.Equal(t, []uint64{1, 2, 3, 5}, ids)
		res, err = f.queries.ModelsByOwner(f.ctx, &types.QueryModelsByOwnerRequest{Owner: f.owner, Pagination: &query.PageRequest{Offset: 3}})
		require.NoError(t, err)
		require.Len(t, res.Models, 1)
		require.Equal(t, uint64(5), res.Models[0].Id)
	})
	t.Run("success - model version", func(t *testing.T) {
		res, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: 3, Version: 1})
		require.NoError(t, err)
		require.Equal(t, uint64(3), res.ModelVersion.ModelId)
	})

	errCases := []struct {
		name string
		call func() error
		code codes.Code
	}{
		{"error - nil params request", func() error { _, err := f.queries.Params(f.ctx, nil); return err }, codes.InvalidArgument},
		{"error - nil model request", func() error { _, err := f.queries.Model(f.ctx, nil); return err }, codes.InvalidArgument},
		{"error - nil models request", func() error { _, err := f.queries.Models(f.ctx, nil); return err }, codes.InvalidArgument},
		{"error - nil version request", func() error { _, err := f.queries.ModelVersion(f.ctx, nil); return err }, codes.InvalidArgument},
		{"error - unknown model", func() error {
			_, err := f.queries.Model(f.ctx, &types.QueryModelRequest{Id: 99})
			return err
		}, codes.NotFound},
		{"error - unknown version", func() error {
			_, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: 1, Version: 2})
			return err
		}, codes.NotFound},
		{"error - invalid owner", func() error {
			_, err := f.queries.ModelsByOwner(f.ctx, &types.QueryModelsByOwnerRequest{Owner: "nope"})
			return err
		}, codes.InvalidArgument},
	}
	for _, tc := range errCases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.code, status.Code(tc.call()))
		})
	}
}
