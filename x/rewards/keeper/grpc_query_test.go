package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func TestQueryErrors(t *testing.T) {
	f := newFixture(t)
	q := f.queries
	cases := []struct {
		name string
		call func() error
		code codes.Code
		err  string
	}{
		{"error - nil params request", func() error { _, err := q.Params(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil bond request", func() error { _, err := q.Bond(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil unbondings request", func() error { _, err := q.Unbondings(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil reputation request", func() error { _, err := q.Reputation(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil pending rewards request", func() error { _, err := q.PendingRewards(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil reward pool request", func() error { _, err := q.RewardPool(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{"error - nil epoch info request", func() error { _, err := q.EpochInfo(f.ctx, nil); return err }, codes.InvalidArgument, "empty request"},
		{
			"error - invalid worker address",
			func() error { _, err := q.Bond(f.ctx, &types.QueryBondRequest{Worker: "nope"}); return err },
			codes.InvalidArgument, `invalid worker address "nope"`,
		},
		{
			"error - empty worker address",
			func() error { _, err := q.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{}); return err },
			codes.InvalidArgument, "invalid worker address",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, tc.code, status.Code(err))
		})
	}
}

func TestQueries(t *testing.T) {
	f := newFixture(t)
	never, err := f.queries.Bond(f.ctx, &types.QueryBondRequest{Worker: f.str(f.worker)})
	require.NoError(t, err, "a worker that never bonded has a zero bond")
	require.True(t, never.Bond.Bonded.IsZero())
	require.False(t, never.CanClaim)

	f.bond(t, f.worker, types.DefaultMinWorkerBond+3)
	for range 3 {
		f.unbond(t, f.worker, 1)
	}

	params, err := f.queries.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), params.Params)

	bond, err := f.queries.Bond(f.ctx, &types.QueryBondRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.True(t, bond.CanClaim)
	require.Equal(t, coin(types.DefaultMinWorkerBond).String(), bond.Bond.Bonded.String())
	require.Equal(t, coin(3).String(), bond.Bond.Unbonding.String())
	f.unbond(t, f.worker, 1)
	bond, err = f.queries.Bond(f.ctx, &types.QueryBondRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.False(t, bond.CanClaim)

	page, err := f.queries.Unbondings(f.ctx, &types.QueryUnbondingsRequest{
		Worker: f.str(f.worker), Pagination: &query.PageRequest{Limit: 3, CountTotal: true},
	})
	require.NoError(t, err)
	require.Len(t, page.Unbondings, 3)
	require.Equal(t, uint64(4), page.Pagination.Total)
	require.Equal(t, []uint64{1, 2, 3}, []uint64{page.Unbondings[0].Id, page.Unbondings[1].Id, page.Unbondings[2].Id})
	page, err = f.queries.Unbondings(f.ctx, &types.QueryUnbondingsRequest{
		Worker: f.str(f.worker), Pagination: &query.PageRequest{Key: page.Pagination.NextKey},
	})
	require.NoError(t, err)
	require.Len(t, page.Unbondings, 1)
	require.Equal(t, uint64(4), page.Unbondings[0].Id)
	other, err := f.queries.Unbondings(f.ctx, &types.QueryUnbondingsRequest{Worker: f.str(f.other)})
	require.NoError(t, err)
	require.Empty(t, other.Unbondings)

	rep, err := f.queries.Reputation(f.ctx, &types.QueryReputationRequest{Worker: f.str(f.other)})
	require.NoError(t, err)
	require.Equal(t, int64(types.DefaultInitialReputation), rep.Reputation)

	info, err := f.queries.EpochInfo(f.ctx, &types.QueryEpochInfoRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(1), info.Epoch.Number)
	require.Equal(t, int64(types.DefaultEpochLength), info.NextPayoutHeight)
	require.Equal(t, int64(types.DefaultEpochLength), info.EpochLength)
	require.Empty(t, info.PendingPayouts)

	pending, err := f.queries.PendingRewards(f.ctx, &types.QueryPendingRewardsRequest{Worker: f.str(f.other)})
	require.NoError(t, err)
	require.Zero(t, pending.Work)
	require.True(t, pending.CurrentEpoch.IsZero())
	require.True(t, pending.Unpaid.IsZero())
}
