package adversarial

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// massExpiry submits 10,000 tasks with the same deadline and lets them
// expire: EndBlock handles at most max_expirations_per_block of them per
// block (the rest wait), every block stays fast, and every client is
// refunded. It then raises the cap to its hard limit, as governance could,
// and times the block that drains the rest at once. Block times are logged,
// not asserted: they depend on the machine.
func massExpiry(t *testing.T) {
	t.Helper()
	const n = 10_000
	f := newFixture(t)
	f.Fund(f.user, sdk.NewCoins(hyra(n)))
	input, deadline := vector.Encode(f.input), f.Ctx.BlockTime().Add(time.Hour)
	start := time.Now()
	for i := 0; i < n; i++ {
		f.mustDeliver(&tptypes.MsgSubmitTask{Creator: f.user.String(), PoolId: f.poolID, Input: input, Reward: hyra(1), Deadline: deadline})
	}
	t.Logf("submitted %d tasks in %s", n, time.Since(start).Round(time.Millisecond))
	f.claim(f.worker, f.lastTaskID())
	balance := f.uhyra(f.user)
	params, err := f.tp.GetParams(f.Ctx)
	require.NoError(t, err)
	capPerBlock := uint64(params.MaxExpirationsPerBlock)

	// The next block runs at the deadline, an hour later: an outage, which
	// extends the claim up to the deadline, so that it ends with the task.
	f.NextBlock(time.Hour)
	live := f.liveTasks()
	require.Equal(t, uint64(n), live)
	for block := 1; block <= 3; block++ {
		took := f.timedBlock()
		left := f.liveTasks()
		want := live - capPerBlock
		if block == 1 {
			want-- // the claimed task, expired through the claim queue
		}
		require.Equal(t, want, left, "block %d: the cap of %d expiries per block and queue", block, capPerBlock)
		t.Logf("block %d at the cap of %d: %s, %d tasks still live", block, capPerBlock, took, left)
		live = left
		f.requireEscrowInvariant(f.Ctx)
	}

	params.MaxExpirationsPerBlock = n
	require.NoError(t, f.tp.Params.Set(f.Ctx, params))
	took := f.timedBlock()
	t.Logf("block at the hard cap of %d: %s for the remaining %d expiries", n, took, live)
	require.Zero(t, f.liveTasks())
	stats, err := f.tp.GetStats(f.Ctx)
	require.NoError(t, err)
	require.Zero(t, stats.ClaimedTasks, "the claimed task expired too")
	require.Equal(t, balance.Add(hyra(n).Amount), f.uhyra(f.user), "every client refunded")
	require.True(t, f.uhyra(f.escrow).IsZero())
	f.requireEscrowInvariant(f.Ctx)
}

// timedBlock ends the current block (EndBlock and commit) and returns how
// long that took.
func (f *fixture) timedBlock() time.Duration {
	start := time.Now()
	f.NextBlock(time.Second)
	return time.Since(start).Round(time.Microsecond)
}

// liveTasks is the number of OPEN and CLAIMED tasks of the fixture's pool,
// from its counters. A lapsed claim moves a task from one to the other, so
// only expiries lower it.
func (f *fixture) liveTasks() uint64 {
	pool, err := f.tp.GetPool(f.Ctx, f.poolID)
	require.NoError(f.T, err)
	return pool.OpenTasks + pool.ClaimedTasks
}
