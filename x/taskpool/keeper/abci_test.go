package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestEndBlockClaimExpiry(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fixture)
		// penalised is whether x/rewards recorded the penalty.
		penalised bool
	}{
		{name: "success - lapsed claim reopens and the worker is penalised", setup: func(*fixture) {}, penalised: true},
		{name: "success - a failing penalty does not hold the task", setup: func(f *fixture) { f.rewards.FailPenalty = true }},
		{name: "success - a panicking penalty does not halt the block", setup: func(f *fixture) { f.rewards.PanicPenalty = true }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID := f.createPool()
			id := f.submitTask(poolID, price)
			f.readyWorker(f.worker)
			f.claim(f.worker, poolID, id)
			tc.setup(f)
			total := f.bank.Total()

			f.run(59 * time.Second)
			require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status, "claim still live")
			f.run(time.Second)

			task := f.task(id)
			require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
			require.Empty(t, task.Worker)
			require.True(t, task.ClaimExpiry.IsZero())
			require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
			require.Equal(t, uint64(1), f.workerRec(f.worker).LapsedClaims, "the lapse is on the worker's record")
			pool := f.pool(poolID)
			require.Equal(t, [2]uint64{1, 0}, [2]uint64{pool.OpenTasks, pool.ClaimedTasks})
			if tc.penalised {
				require.Equal(t, []uint64{id}, f.rewards.Penalties)
				require.Equal(t, int64(-5), f.rewards.Rep[string(f.worker)])
			} else {
				require.Empty(t, f.rewards.Penalties)
			}
			requireClaimExpired(t, f.ctx, true)
			f.checkInvariants(total)
			has, err := f.k.ClaimQueue.Has(f.ctx, collections.Join(task.ClaimExpiry.UnixNano(), id))
			require.NoError(t, err)
			require.False(t, has)

			// The task is back in the open index: another worker claims it,
			// and the first may claim again too.
			f.readyWorker(f.worker2)
			require.Equal(t, id, f.claim(f.worker2, poolID, 0))
		})
	}
}

func TestEndBlockDeadline(t *testing.T) {
	t.Run("success - open task expires and is refunded", func(t *testing.T) {
		f := newFixture(t)
		poolID := f.createPool()
		id := f.submitTask(poolID, 3000)
		creatorBefore := f.balance(f.creator)
		total := f.bank.Total()

		f.advance(time.Hour - time.Second)
		require.Equal(t, types.TASK_STATUS_OPEN, f.task(id).Status)
		f.advance(time.Second)

		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(id).Status)
		require.Equal(t, creatorBefore+3000, f.balance(f.creator))
		require.Equal(t, int64(0), f.escrow())
		require.Equal(t, uint64(0), f.pool(poolID).OpenTasks)
		requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskExpired")
		f.checkInvariants(total)
		f.readyWorker(f.worker)
		_, err := f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(f.worker), PoolId: poolID})
		require.ErrorContains(t, err, "no claimable task")
	})

	t.Run("success - a claim cut to the deadline before claims had to leave room expires unpenalised", func(t *testing.T) {
		// Before ClaimTask refused claims with less than the claim timeout
		// left, such a claim's expiry was cut to the deadline. Imported
		// (export/import upgrade), its lapse is the deadline's, not the
		// worker's.
		f := newFixture(t)
		poolID := f.createPool()
		id := f.submitTask(poolID, price)
		f.readyWorker(f.worker)
		f.claim(f.worker, poolID, id)
		gs, err := f.k.ExportGenesis(f.ctx)
		require.NoError(t, err)
		for i := range gs.Tasks {
			if gs.Tasks[i].Id == id {
				gs.Tasks[i].ClaimExpiry = gs.Tasks[i].Deadline
			}
		}
		require.NoError(t, gs.Validate())
		f.ctx, f.k = f.importGenesis(gs)
		f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
		creatorBefore := f.balance(f.creator)
		total := f.bank.Total()

		f.advance(time.Hour - time.Second)
		require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)
		f.advance(time.Second)
		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(id).Status)
		require.Empty(t, f.rewards.Penalties, "not penalised")
		require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
		require.Zero(t, f.workerRec(f.worker).LapsedClaims, "the deadline ended the claim, not the worker")
		require.Equal(t, creatorBefore+price, f.balance(f.creator))
		requireClaimExpired(t, f.ctx, false)
		pool := f.pool(poolID)
		require.Equal(t, [2]uint64{0, 0}, [2]uint64{pool.OpenTasks, pool.ClaimedTasks})
		f.checkInvariants(total)
		f.advance(time.Second)
		require.Empty(t, f.rewards.Penalties, "nothing is handled twice")
	})

	t.Run("success - task still claimed when its deadline is handled: refunded, worker unpenalised", func(t *testing.T) {
		// With one expiry of each kind per block, the claim queue handles
		// Y's earlier claim while the deadline queue reaches X, still
		// CLAIMED: the deadline ends X's claim, not its worker.
		f := newFixture(t)
		p := types.DefaultParams()
		p.MaxExpirationsPerBlock = 1
		require.NoError(t, f.k.Params.Set(f.ctx, p))
		poolID := f.createPool() // one-minute claim timeout
		y := f.submitTask(poolID, price)
		res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
			Creator: f.str(f.creator), PoolId: poolID, Input: f.irisInput(), Reward: coin(2000),
			Deadline: f.ctx.BlockTime().Add(90 * time.Second),
		})
		require.NoError(t, err)
		x := res.TaskId
		f.readyWorker(f.worker)
		f.readyWorker(f.worker2)
		f.claim(f.worker, poolID, y)
		f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(20 * time.Second))
		f.claim(f.worker2, poolID, x)
		total := f.bank.Total()

		f.advance(80 * time.Second)
		require.Equal(t, types.TASK_STATUS_OPEN, f.task(y).Status)
		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(x).Status)
		require.Empty(t, f.workerRec(f.worker2).ActiveTaskIds)
		require.Equal(t, []uint64{y}, f.rewards.Penalties)
		f.checkInvariants(total)

		// The stale claim entry of X is gone; nothing is handled twice.
		f.advance(time.Second)
		require.Equal(t, []uint64{y}, f.rewards.Penalties)
	})
}

// requireClaimExpired checks that the context holds an EventClaimExpired
// with the given penalized flag.
func requireClaimExpired(t *testing.T, ctx sdk.Context, penalized bool) {
	t.Helper()
	for _, e := range ctx.EventManager().Events() {
		if e.Type != "hyra.taskpool.v1.EventClaimExpired" {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == "penalized" {
				require.Equal(t, fmt.Sprint(penalized), a.Value)
				return
			}
		}
	}
	require.Fail(t, "no EventClaimExpired with a penalized attribute")
}

// TestEndBlockCap checks that at most max_expirations_per_block deadlines
// are handled per block, the rest in the next blocks, oldest first.
func TestEndBlockCap(t *testing.T) {
	f := newFixture(t)
	p := types.DefaultParams()
	p.MaxExpirationsPerBlock = 2
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	poolID := f.createPool()
	for i := 0; i < 5; i++ {
		f.submitTask(poolID, price)
	}
	total := f.bank.Total()
	for _, want := range []uint64{2, 4, 5, 5} {
		f.advance(time.Hour)
		n, err := f.countStatus(types.TASK_STATUS_EXPIRED)
		require.NoError(t, err)
		require.Equal(t, want, n)
		require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))
	}
	require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(1).Status)
	f.checkInvariants(total)
}

// TestEndBlockSkipsBadItems checks that an item that cannot be handled is
// logged and dropped (a queue entry without a task) or parked with its escrow
// (a task whose refund fails) without failing or panicking, and the others
// proceed.
func TestEndBlockSkipsBadItems(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	first := f.submitTask(poolID, 2000)
	second := f.submitTask(poolID, price)
	// A queue entry for a task that does not exist, and an escrow that
	// cannot pay the first task's refund.
	due := f.ctx.BlockTime().Add(time.Minute).UnixNano()
	require.NoError(t, f.k.ClaimQueue.Set(f.ctx, collections.Join(due, uint64(999))))
	require.NoError(t, f.k.DeadlineQueue.Set(f.ctx, collections.Join(due, uint64(998))))
	module := authtypes.NewModuleAddress(types.ModuleName)
	require.NoError(t, f.bank.Send(module, f.other, sdk.NewCoins(coin(1500))))

	require.NotPanics(t, func() { f.advance(time.Hour) })
	require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(second).Status)
	require.Equal(t, types.TASK_STATUS_REFUND_PENDING, f.task(first).Status, "the failed refund parked the task")
	require.Equal(t, int64(500), f.escrow())
	for _, q := range []collections.KeySet[collections.Pair[int64, uint64]]{f.k.ClaimQueue, f.k.DeadlineQueue} {
		empty, err := q.Iterate(f.ctx, nil)
		require.NoError(t, err)
		require.False(t, empty.Valid(), "bad items were dropped from the queues")
		require.NoError(t, empty.Close())
	}
}

// countStatus counts tasks of a status through the status index.
func (f *fixture) countStatus(s types.TaskStatus) (uint64, error) {
	var n uint64
	err := f.k.TasksByStatus.Walk(f.ctx, collections.NewPrefixedPairRange[int32, uint64](int32(s)),
		func(collections.Pair[int32, uint64]) (bool, error) { n++; return false, nil })
	return n, err
}
