package router_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/zktest"
)

func TestClaimBestTakesTheHighestReward(t *testing.T) {
	n := newNet(t)
	_, err := n.claimBest(n.worker, 0)
	require.ErrorContains(t, err, "no open task available")

	low := n.route(hyra(2))
	high := n.route(hyra(7))
	tie := n.route(hyra(7))
	n.NextBlock(time.Second)

	page, err := n.queries.AvailableTasks(n.Ctx, &types.QueryAvailableTasksRequest{Pagination: &query.PageRequest{CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{high.TaskId, tie.TaskId, low.TaskId}, taskIDs(page.Tasks))
	require.Equal(t, uint64(3), page.Pagination.Total)

	got, err := n.claimBest(n.worker, 1)
	require.NoError(t, err)
	require.Equal(t, high.TaskId, got.TaskId, "highest reward, oldest first")
	require.Equal(t, hyra(7), got.Reward)

	// One active task per worker: the router does not bypass the limit.
	_, err = n.claimBest(n.worker, 0)
	require.ErrorContains(t, err, "holds 1, the limit is 1")
	status, err := n.queries.WorkerStatus(n.Ctx, &types.QueryWorkerStatusRequest{Worker: n.worker.String()})
	require.NoError(t, err)
	require.False(t, status.CanClaim)
	require.Equal(t, []uint64{high.TaskId}, status.ActiveTaskIds)

	got, err = n.claimBest(n.worker2, 0)
	require.NoError(t, err)
	require.Equal(t, tie.TaskId, got.TaskId)

	// The claimed task settles through x/taskpool as usual.
	output, proof := n.prove(n.Ctx.ChainID(), high.TaskId, n.worker, zktest.IrisInputs(t)[0])
	n.deliver(&tptypes.MsgSubmitResult{Worker: n.worker.String(), TaskId: high.TaskId, Output: output, Proof: proof})

	stats, err := n.queries.GlobalStats(n.Ctx, &types.QueryGlobalStatsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(1), stats.OpenTasks)
	require.Equal(t, uint64(1), stats.ClaimedTasks)
	require.Equal(t, uint64(1), stats.CompletedTasks)
	require.Equal(t, uint64(1), stats.ActivePools)
	require.Equal(t, uint64(2), stats.ActiveWorkers)
	require.Equal(t, hyra(7).Amount, stats.VolumePaid.AmountOf("uhyra"))
}

func TestClaimBestRespectsPoolReputation(t *testing.T) {
	n := newNet(t)
	// A demanding pool with the best reward, and an open one with less.
	elite := n.createPool("elite", 1_000)
	n.submit(elite, hyra(50))
	open := n.createPool("open", 0)
	openTask := n.submit(open, hyra(3))

	// Closing the open pool stops its new tasks, not the claims of its open ones.
	n.deliver(&tptypes.MsgSetPoolActive{Creator: n.owner.String(), PoolId: open, Active: false})
	_, err := n.Deliver(&tptypes.MsgSubmitTask{Creator: n.user.String(), PoolId: open, Input: n.input, Reward: hyra(3), Deadline: n.Ctx.BlockTime().Add(time.Hour)})
	require.ErrorContains(t, err, "pool is not active")
	got, err := n.claimBest(n.worker, 0)
	require.NoError(t, err)
	require.Equal(t, openTask, got.TaskId, "a pool above the worker's reputation (100 < 1000) is skipped, a closed one is not")

	// Closing the demanding pool does not lower its minimum: its task is
	// still out of reach at reputation 100.
	n.deliver(&tptypes.MsgSetPoolActive{Creator: n.owner.String(), PoolId: elite, Active: false})
	_, err = n.claimBest(n.worker2, 0)
	require.ErrorContains(t, err, "no open task available")
}

// TestClaimBestCannotBeHidden checks that escrowing many better-paid tasks in
// a pool that low-reputation workers may not use does not hide the tasks they
// may: ClaimBest still finds the one claimable task, while AvailableTasks
// still lists every open task by reward.
func TestClaimBestCannotBeHidden(t *testing.T) {
	n := newNet(t)
	elite := n.createPool("elite", 1_000)
	for range 70 {
		n.submit(elite, hyra(2))
	}
	open := n.createPool("open", 0)
	first, second := n.submit(open, hyra(1)), n.submit(open, hyra(1))
	n.NextBlock(time.Second)

	page, err := n.queries.AvailableTasks(n.Ctx, &types.QueryAvailableTasksRequest{Pagination: &query.PageRequest{CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, uint64(72), page.Pagination.Total)
	require.Equal(t, hyra(2), page.Tasks[0].Reward)

	got, err := n.claimBest(n.worker, 0)
	require.NoError(t, err)
	require.Equal(t, first, got.TaskId, "any model")
	got, err = n.claimBest(n.worker2, 1)
	require.NoError(t, err)
	require.Equal(t, second, got.TaskId, "the iris model")
}
