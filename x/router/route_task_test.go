package router_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

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
