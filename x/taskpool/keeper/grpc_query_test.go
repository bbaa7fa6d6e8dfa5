package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), err.Error())
}

func ids(tasks []types.Task) []uint64 {
	out := make([]uint64, len(tasks))
	for i, t := range tasks {
		out[i] = t.Id
	}
	return out
}

func TestQueryPoolsAndParams(t *testing.T) {
	f := populated(t)
	q := f.queries

	p, err := q.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), p.Params)
	_, err = q.Params(f.ctx, nil)
	requireCode(t, err, codes.InvalidArgument)

	pool, err := q.Pool(f.ctx, &types.QueryPoolRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, [3]uint64{1, 0, 1}, [3]uint64{pool.Pool.OpenTasks, pool.Pool.ClaimedTasks, pool.Pool.CompletedTasks})
	_, err = q.Pool(f.ctx, &types.QueryPoolRequest{Id: 9})
	requireCode(t, err, codes.NotFound)

	page, err := q.Pools(f.ctx, &types.QueryPoolsRequest{Pagination: &query.PageRequest{Limit: 1, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, page.Pools, 1)
	require.Equal(t, uint64(2), page.Pagination.Total)
	next, err := q.Pools(f.ctx, &types.QueryPoolsRequest{Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, uint64(2), next.Pools[0].Id)

	byModel, err := q.PoolsByModel(f.ctx, &types.QueryPoolsByModelRequest{ModelId: irisID})
	require.NoError(t, err)
	require.Len(t, byModel.Pools, 2)
	none, err := q.PoolsByModel(f.ctx, &types.QueryPoolsByModelRequest{ModelId: 2})
	require.NoError(t, err)
	require.Empty(t, none.Pools)
}

func TestQueryTasks(t *testing.T) {
	// Tasks: 1 completed (pool 1), 2 cancelled (pool 1), 3 expired (pool 2),
	// 4 open (pool 1), 5 claimed (pool 2).
	f := populated(t)
	tests := []struct {
		name    string
		req     *types.QueryTasksRequest
		want    []uint64
		wantErr codes.Code
	}{
		{name: "success - all", req: &types.QueryTasksRequest{}, want: []uint64{1, 2, 3, 4, 5}},
		{name: "success - pool, grouped by status", req: &types.QueryTasksRequest{PoolId: 1}, want: []uint64{4, 1, 2}},
		{name: "success - status", req: &types.QueryTasksRequest{Status: types.TASK_STATUS_OPEN}, want: []uint64{4}},
		{name: "success - pool and status", req: &types.QueryTasksRequest{PoolId: 2, Status: types.TASK_STATUS_CLAIMED}, want: []uint64{5}},
		{name: "success - pool and status, none", req: &types.QueryTasksRequest{PoolId: 2, Status: types.TASK_STATUS_OPEN}, want: []uint64{}},
		{name: "success - paginated", req: &types.QueryTasksRequest{Pagination: &query.PageRequest{Offset: 1, Limit: 2}}, want: []uint64{2, 3}},
		{name: "error - unknown status", req: &types.QueryTasksRequest{Status: 42}, wantErr: codes.InvalidArgument},
		{name: "error - nil request", wantErr: codes.InvalidArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := f.queries.Tasks(f.ctx, tc.req)
			if tc.wantErr != codes.OK {
				requireCode(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, ids(res.Tasks))
		})
	}

	task, err := f.queries.Task(f.ctx, &types.QueryTaskRequest{Id: 5})
	require.NoError(t, err)
	require.Equal(t, types.TASK_STATUS_CLAIMED, task.Task.Status)
	_, err = f.queries.Task(f.ctx, &types.QueryTaskRequest{Id: 50})
	requireCode(t, err, codes.NotFound)

	mine, err := f.queries.TasksByCreator(f.ctx, &types.QueryTasksByCreatorRequest{Creator: f.str(f.creator)})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 3, 4, 5}, ids(mine.Tasks))
	theirs, err := f.queries.TasksByCreator(f.ctx, &types.QueryTasksByCreatorRequest{Creator: f.str(f.other)})
	require.NoError(t, err)
	require.Empty(t, theirs.Tasks)
	_, err = f.queries.TasksByCreator(f.ctx, &types.QueryTasksByCreatorRequest{Creator: "bad"})
	requireCode(t, err, codes.InvalidArgument)
}

func TestQueryResultAndWorkers(t *testing.T) {
	f := populated(t)
	res, err := f.queries.Result(f.ctx, &types.QueryResultRequest{TaskId: 1})
	require.NoError(t, err)
	task := f.task(1)
	out, err := vector.Decode(task.Output)
	require.NoError(t, err)
	require.Equal(t, out, res.OutputVector)
	require.Len(t, res.OutputVector, 3)
	require.Equal(t, task.Proof, res.Proof)
	require.Equal(t, f.str(f.worker), res.Worker)
	require.Equal(t, task.CompletedAt, res.CompletedAt)
	_, err = f.queries.Result(f.ctx, &types.QueryResultRequest{TaskId: 4})
	requireCode(t, err, codes.FailedPrecondition)
	_, err = f.queries.Result(f.ctx, &types.QueryResultRequest{TaskId: 40})
	requireCode(t, err, codes.NotFound)

	f.rewards.Rep[string(f.worker2)] = 42
	w, err := f.queries.Worker(f.ctx, &types.QueryWorkerRequest{Address: f.str(f.worker2)})
	require.NoError(t, err)
	require.Equal(t, int64(42), w.Worker.Reputation, "reputation is read live from x/rewards")
	require.Equal(t, []uint64{5}, w.Worker.Worker.ActiveTaskIds)
	_, err = f.queries.Worker(f.ctx, &types.QueryWorkerRequest{Address: f.str(f.other)})
	requireCode(t, err, codes.NotFound)
	_, err = f.queries.Worker(f.ctx, &types.QueryWorkerRequest{Address: "x"})
	requireCode(t, err, codes.InvalidArgument)

	all, err := f.queries.Workers(f.ctx, &types.QueryWorkersRequest{})
	require.NoError(t, err)
	require.Len(t, all.Workers, 2)
	require.Equal(t, int64(1), all.Workers[0].Reputation, "one verified result in the fake")
	require.Equal(t, uint64(1), all.Workers[0].Worker.TotalTasks)
}
