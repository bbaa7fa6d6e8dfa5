package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestMassExpiry checks that 10,000 tasks (a hundred of them with claims that
// lapse in the same block) reaching their deadline in the same block are handled over several blocks, never
// more than max_expirations_per_block per queue per block, with every
// creator refunded in the end.
func TestMassExpiry(t *testing.T) {
	const n = 10_000
	f := newFixture(t)
	p := types.DefaultParams()
	p.MaxActiveTasks = 100
	// Blocks up to two hours apart are no outage: the claims age with them.
	p.MinClaimTimeout, p.MaxBlockGap = 2*time.Hour, 2*time.Hour-time.Second
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	capPerBlock := uint64(p.MaxExpirationsPerBlock)

	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "mass", ModelId: irisID, ClaimTimeout: 2 * time.Hour,
	})
	require.NoError(t, err)
	input, deadline := f.irisInput(), f.ctx.BlockTime().Add(3*time.Hour)
	for i := 0; i < n; i++ {
		_, err := f.k.SubmitTask(f.ctx, f.creator, res.PoolId, input, types.VECTOR_ENCODING_INT64, coin(price), deadline)
		require.NoError(t, err)
	}
	f.readyWorker(f.worker)
	for i := 0; i < 100; i++ {
		f.claim(f.worker, res.PoolId, 0)
	}
	creatorBefore := f.balance(f.creator)
	total := f.bank.Total()
	require.Equal(t, int64(n)*price, f.escrow())

	f.advance(time.Hour)
	f.advance(2 * time.Hour)
	expired, err := f.countStatus(types.TASK_STATUS_EXPIRED)
	require.NoError(t, err)
	require.Equal(t, capPerBlock, expired, "the first block handles exactly the cap")
	require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))

	blocks := 1
	for expired < n {
		f.advance(time.Second)
		blocks++
		next, err := f.countStatus(types.TASK_STATUS_EXPIRED)
		require.NoError(t, err)
		require.LessOrEqual(t, next-expired, capPerBlock)
		require.Greater(t, next, expired, "every block makes progress")
		expired = next
		require.Less(t, blocks, 2*n/int(capPerBlock), "runaway")
	}
	require.Equal(t, int(n/capPerBlock), blocks)
	require.Equal(t, int64(0), f.escrow())
	require.Equal(t, creatorBefore+int64(n)*price, f.balance(f.creator))
	require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
	require.Len(t, f.rewards.Penalties, 100)
	pool := f.pool(res.PoolId)
	require.Equal(t, [2]uint64{0, 0}, [2]uint64{pool.OpenTasks, pool.ClaimedTasks})
	f.checkInvariants(total)
}
