package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/hyra-network/hyra/x/router/types"
)

func TestQueries(t *testing.T) {
	f := newFixture(t)
	pool := f.createPool(0)
	f.submitTask(pool, 1000)
	f.submitTask(pool, 2000)

	status0, err := f.queries.WorkerStatus(f.ctx, &types.QueryWorkerStatusRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.False(t, status0.Registered)
	require.Contains(t, status0.Reason, "not registered")

	f.readyWorker()
	ready, err := f.queries.WorkerStatus(f.ctx, &types.QueryWorkerStatusRequest{Worker: f.str(f.worker)})
	require.NoError(t, err)
	require.True(t, ready.CanClaim, ready.Reason)
	_, err = f.msgs.ClaimBest(f.ctx, &types.MsgClaimBest{Worker: f.str(f.worker)})
	require.NoError(t, err)

	stats, err := f.queries.GlobalStats(f.ctx, &types.QueryGlobalStatsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(1), stats.OpenTasks)
	require.Equal(t, uint64(1), stats.ClaimedTasks)
	require.Equal(t, uint64(1), stats.ActiveWorkers)

	available, err := f.queries.AvailableTasks(f.ctx, &types.QueryAvailableTasksRequest{ModelId: irisID})
	require.NoError(t, err)
	require.Len(t, available.Tasks, 1)

	route, err := f.queries.Route(f.ctx, &types.QueryRouteRequest{ModelId: irisID})
	require.NoError(t, err)
	require.Equal(t, pool, route.PoolId)
	_, err = f.queries.Route(f.ctx, &types.QueryRouteRequest{ModelId: 99})
	require.Equal(t, codes.NotFound, status.Code(err))

	for name, call := range map[string]func() error{
		"AvailableTasks": func() error { _, err := f.queries.AvailableTasks(f.ctx, nil); return err },
		"GlobalStats":    func() error { _, err := f.queries.GlobalStats(f.ctx, nil); return err },
		"WorkerStatus":   func() error { _, err := f.queries.WorkerStatus(f.ctx, nil); return err },
		"Route":          func() error { _, err := f.queries.Route(f.ctx, nil); return err },
	} {
		require.Equal(t, codes.InvalidArgument, status.Code(call()), "error - nil %s request", name)
	}
}
