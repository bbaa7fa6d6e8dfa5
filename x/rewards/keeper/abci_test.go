package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// TestEndBlockNeverFails checks that EndBlock logs and skips what it cannot
// do, returning no error that would halt the chain, and leaves state whole.
func TestEndBlockNeverFails(t *testing.T) {
	t.Run("success - missing params skip the block", func(t *testing.T) {
		f := newFixture(t)
		require.NoError(t, f.k.Params.Remove(f.ctx))
		require.NoError(t, f.k.EndBlocker(f.ctx))
	})
	t.Run("success - an epoch that cannot end is retried at the next epoch end", func(t *testing.T) {
		f := newEpochFixture(t, 100)
		f.settle(t, f.worker, task)
		f.bank.Modules[types.RewardPoolName] = false
		f.toHeight(t, 10)
		before := f.snapshot(t)
		require.NoError(t, f.k.EndBlocker(f.ctx))
		require.Equal(t, before, f.snapshot(t), "a failed epoch end changed state")

		f.bank.Modules[types.RewardPoolName] = true
		f.ctx = f.ctx.WithBlockHeight(11)
		prev := f.balance(f.worker)
		epoch, err := f.k.Epoch.Get(f.ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(1), epoch.Number, "epoch 1 goes on")
		f.toHeight(t, 20)
		f.endBlock(t, time.Second)
		require.Equal(t, int64(100), f.balance(f.worker)-prev, "epoch 1 is paid at the next epoch end")
		f.checkInvariants(t)
	})
}
