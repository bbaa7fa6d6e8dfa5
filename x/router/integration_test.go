package router_test

import (
	"crypto/sha256"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rwkeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/router/keeper"
	"github.com/hyra-network/hyra/x/router/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// net is the real app with the iris model registered (id 1) and two bonded
// workers.
type net struct {
	*apptest.Env
	taskpool tpkeeper.Keeper
	rewards  rwkeeper.Keeper
	queries  types.QueryServer
	prove    zktest.ProveFunc
	input    []byte

	owner, user, worker, worker2 sdk.AccAddress
}

func newNet(t *testing.T) *net {
	t.Helper()
	n := &net{
		owner:   sdk.AccAddress("model_owner_________"),
		user:    sdk.AccAddress("user________________"),
		worker:  sdk.AccAddress("worker______________"),
		worker2: sdk.AccAddress("worker_two__________"),
	}
	var rk keeper.Keeper
	n.Env = apptest.Setup(t, &n.taskpool, &rk, &n.rewards)
	n.queries = keeper.NewQueryServerImpl(rk)
	for _, a := range []sdk.AccAddress{n.owner, n.user, n.worker, n.worker2} {
		n.Fund(a, sdk.NewCoins(hyra(1000)))
	}
	art, vk, prove := zktest.Iris(t)
	n.prove, n.input = prove, vector.Encode(zktest.IrisInputs(t)[0])
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	hash := sha256.Sum256(art)
	n.deliver(&mrtypes.MsgRegisterModel{
		Owner: n.owner.String(), Name: "iris", Description: "iris classifier", Price: hyra(1),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	})
	for _, w := range []sdk.AccAddress{n.worker, n.worker2} {
		n.deliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		n.deliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	n.NextBlock(time.Second)
	return n
}

func (n *net) deliver(msg sdk.Msg) *sdk.Result {
	n.T.Helper()
	res, err := n.Deliver(msg)
	require.NoError(n.T, err)
	return res
}

// route routes an iris task with the given reward and returns the response.
func (n *net) route(reward sdk.Coin) types.MsgRouteTaskResponse {
	n.T.Helper()
	res := n.deliver(&types.MsgRouteTask{
		Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: reward, Deadline: n.Ctx.BlockTime().Add(time.Hour),
	})
	var out types.MsgRouteTaskResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out
}

func (n *net) claimBest(worker sdk.AccAddress, modelID uint64) (types.MsgClaimBestResponse, error) {
	n.T.Helper()
	res, err := n.Deliver(&types.MsgClaimBest{Worker: worker.String(), ModelId: modelID})
	if err != nil {
		return types.MsgClaimBestResponse{}, err
	}
	var out types.MsgClaimBestResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out, nil
}

func TestRouteTaskPicksTheLeastLoadedPool(t *testing.T) {
	n := newNet(t)

	// No pool yet: the router creates one it controls itself, and the client
	// pays only its task, no pool creation fee.
	userBefore := n.Balance(n.user, "uhyra")
	first := n.route(hyra(2))
	require.True(t, first.PoolCreated)
	require.Equal(t, userBefore.Sub(hyra(2)), n.Balance(n.user, "uhyra"))
	pool, err := n.taskpool.GetPool(n.Ctx, first.PoolId)
	require.NoError(t, err)
	require.Equal(t, authtypes.NewModuleAddress(types.ModuleName).String(), pool.Creator)
	require.Equal(t, uint64(1), pool.ModelId)

	// A second, empty pool gets the next task; then ties go to the lowest id.
	// Its creator pays the pool creation fee.
	ownerBefore := n.Balance(n.owner, "uhyra")
	res := n.deliver(&tptypes.MsgCreateTaskPool{Creator: n.owner.String(), Name: "iris-2", ModelId: 1, ClaimTimeout: time.Minute})
	require.Equal(t, ownerBefore.SubAmount(sdkmath.NewInt(tptypes.DefaultPoolCreationFee)), n.Balance(n.owner, "uhyra"))
	var created tptypes.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &created))
	second := n.route(hyra(2))
	require.False(t, second.PoolCreated)
	require.Equal(t, created.PoolId, second.PoolId)
	third := n.route(hyra(2))
	require.Equal(t, first.PoolId, third.PoolId, "one open task each: the tie goes to the lowest id")

	route, err := n.queries.Route(n.Ctx, &types.QueryRouteRequest{ModelId: 1})
	require.NoError(t, err)
	require.Equal(t, created.PoolId, route.PoolId)
	require.Equal(t, uint64(1), route.OpenTasks)

	// A deactivated pool gets nothing more.
	n.deliver(&tptypes.MsgSetPoolActive{Creator: n.owner.String(), PoolId: created.PoolId, Active: false})
	require.Equal(t, first.PoolId, n.route(hyra(2)).PoolId)
}

// TestSquattedPoolCapturesNoRoutedTask replays the squatting attack of
// issue 12: a stranger opened a model's first pool with min_reputation 2^62,
// and every routed task landed there, where nobody could claim it. Now the
// stranger may not open a pool for the model, and a pool that asks for a
// minimum reputation (even one opened by the owner) gets no routed task:
// each lands in a pool where every bonded worker can claim it.
func TestSquattedPoolCapturesNoRoutedTask(t *testing.T) {
	n := newNet(t)
	attacker := sdk.AccAddress("attacker____________")
	n.Fund(attacker, sdk.NewCoins(hyra(100)))
	_, err := n.Deliver(&tptypes.MsgCreateTaskPool{
		Creator: attacker.String(), Name: "squat", ModelId: 1, ClaimTimeout: time.Minute, MinReputation: 1 << 62,
	})
	require.ErrorContains(t, err, "only the owner of model 1")
	require.Equal(t, hyra(100), n.Balance(attacker, "uhyra"), "a refused pool costs nothing")

	picky := n.createPool("picky", 1<<62)
	veterans := n.createPool("veterans", 101) // above the initial reputation
	var routed []uint64
	for range 3 {
		res := n.route(hyra(2))
		require.NotContains(t, []uint64{picky, veterans}, res.PoolId)
		pool, err := n.taskpool.GetPool(n.Ctx, res.PoolId)
		require.NoError(t, err)
		require.Zero(t, pool.MinReputation)
		routed = append(routed, res.TaskId)
	}
	for _, w := range []sdk.AccAddress{n.worker, n.worker2} {
		got, err := n.claimBest(w, 1)
		require.NoError(t, err)
		require.Contains(t, routed, got.TaskId)
	}
}

// TestRoutedTaskFitsTheClaimTimeout checks that a routed task goes only to a
// pool whose claim timeout its deadline leaves (claims need more than the
// claim timeout left), so that even a routable pool with the longest claims
// never holds a routed task nobody can claim; a deadline no pool can take is
// refused before anything moves.
func TestRoutedTaskFitsTheClaimTimeout(t *testing.T) {
	n := newNet(t)
	escrow := authtypes.NewModuleAddress(tptypes.ModuleName)
	routeBy := func(ttl time.Duration) (types.MsgRouteTaskResponse, error) {
		res, err := n.Deliver(&types.MsgRouteTask{
			Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: hyra(2), Deadline: n.Ctx.BlockTime().Add(ttl),
		})
		var out types.MsgRouteTaskResponse
		if err == nil {
			require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
		}
		return out, err
	}

	before := n.Balance(escrow, "uhyra")
	_, err := routeBy(2 * time.Minute)
	require.ErrorContains(t, err, "the one the router opens has 5m0s claims")
	require.Equal(t, before, n.Balance(escrow, "uhyra"))

	routerPool, err := routeBy(time.Hour)
	require.NoError(t, err)
	require.True(t, routerPool.PoolCreated)
	res := n.deliver(&tptypes.MsgCreateTaskPool{Creator: n.owner.String(), Name: "slow", ModelId: 1, ClaimTimeout: tptypes.DefaultMaxClaimTimeout})
	var slow tptypes.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &slow))

	// The empty 24-hour pool is the least loaded, but an hour-long task
	// could never be claimed there.
	got, err := routeBy(time.Hour)
	require.NoError(t, err)
	require.Equal(t, routerPool.PoolId, got.PoolId)
	claimed, err := n.claimBest(n.worker, 1)
	require.NoError(t, err)
	require.Equal(t, routerPool.PoolId, claimed.PoolId)

	got, err = routeBy(25 * time.Hour)
	require.NoError(t, err)
	require.Equal(t, slow.PoolId, got.PoolId)

	before = n.Balance(escrow, "uhyra")
	_, err = routeBy(4 * time.Minute)
	require.ErrorContains(t, err, "set a later deadline")
	require.Equal(t, before, n.Balance(escrow, "uhyra"))
}

func TestRouteTaskRefusesBadRequests(t *testing.T) {
	n := newNet(t)
	n.route(hyra(2))
	escrow := authtypes.NewModuleAddress(tptypes.ModuleName)
	before := n.Balance(escrow, "uhyra")
	deadline := n.Ctx.BlockTime().Add(time.Hour)

	cases := []struct {
		name string
		msg  *types.MsgRouteTask
		err  string
	}{
		{"error - unknown model", &types.MsgRouteTask{Creator: n.user.String(), ModelId: 9, Input: n.input, Reward: hyra(2), Deadline: deadline}, "model not found"},
		{"error - reward below price", &types.MsgRouteTask{Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: sdk.NewInt64Coin("uhyra", 999_999), Deadline: deadline}, "below"},
		{"error - malformed input", &types.MsgRouteTask{Creator: n.user.String(), ModelId: 1, Input: []byte{1, 2, 3}, Reward: hyra(2), Deadline: deadline}, "input"},
		{"error - deadline passed", &types.MsgRouteTask{Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: hyra(2), Deadline: n.Ctx.BlockTime()}, "deadline"},
		{"error - invalid creator", &types.MsgRouteTask{Creator: "hyra1bad", ModelId: 1, Input: n.input, Reward: hyra(2), Deadline: deadline}, "invalid address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := n.Deliver(tc.msg)
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, before, n.Balance(escrow, "uhyra"), "no escrow moves on a refused task")
		})
	}

	n.deliver(&mrtypes.MsgSetModelActive{Owner: n.owner.String(), Id: 1, Active: false})
	_, err := n.Deliver(&types.MsgRouteTask{Creator: n.user.String(), ModelId: 1, Input: n.input, Reward: hyra(2), Deadline: deadline})
	require.ErrorContains(t, err, "model is not active")
}

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

// createPool creates an iris pool (paying the pool creation fee) that
// requires reputation minRep and returns its id.
func (n *net) createPool(name string, minRep int64) uint64 {
	n.T.Helper()
	res := n.deliver(&tptypes.MsgCreateTaskPool{Creator: n.owner.String(), Name: name, ModelId: 1, ClaimTimeout: time.Minute, MinReputation: minRep})
	var out tptypes.MsgCreateTaskPoolResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.PoolId
}

// submit submits an iris task with a one-hour deadline to a pool.
func (n *net) submit(poolID uint64, reward sdk.Coin) uint64 {
	n.T.Helper()
	res := n.deliver(&tptypes.MsgSubmitTask{Creator: n.user.String(), PoolId: poolID, Input: n.input, Reward: reward, Deadline: n.Ctx.BlockTime().Add(time.Hour)})
	var out tptypes.MsgSubmitTaskResponse
	require.NoError(n.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.TaskId
}

func TestWorkerStatusExplainsWhyNot(t *testing.T) {
	n := newNet(t)
	stranger := sdk.AccAddress("stranger____________")
	status, err := n.queries.WorkerStatus(n.Ctx, &types.QueryWorkerStatusRequest{Worker: stranger.String()})
	require.NoError(t, err)
	require.False(t, status.Registered)
	require.Contains(t, status.Reason, "not registered")

	_, err = n.claimBest(stranger, 0)
	require.ErrorContains(t, err, "worker is not registered")

	status, err = n.queries.WorkerStatus(n.Ctx, &types.QueryWorkerStatusRequest{Worker: n.worker.String()})
	require.NoError(t, err)
	require.True(t, status.Registered)
	require.True(t, status.CanClaim)
	require.Equal(t, int64(100), status.Reputation)
}

func taskIDs(tasks []tptypes.Task) []uint64 {
	ids := make([]uint64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.Id
	}
	return ids
}
