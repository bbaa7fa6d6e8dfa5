package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// TestRefundPendingThenRetried parks two tasks whose refunds the bank refuses
// at their deadline: one OPEN, one still CLAIMED (its claim-queue entry not
// handled yet, as under a backlog), whose worker gets its slot back without a
// penalty. Once the creator can receive again, a stranger's MsgRetryRefund
// pays the creator; a retry that fails changes nothing.
func TestRefundPendingThenRetried(t *testing.T) {
	f := newFixture(t)
	poolID := f.createPool()
	open := f.submitTask(poolID, 2000)
	claimed := f.submitTask(poolID, 3000)
	f.readyWorker(f.worker)
	f.claim(f.worker, poolID, claimed)
	task := f.task(claimed)
	require.NoError(t, f.k.ClaimQueue.Remove(f.ctx, collections.Join(task.ClaimExpiry.UnixNano(), claimed)))
	creatorBefore := f.balance(f.creator)

	f.bank.Blocked[string(f.creator)] = true
	f.advance(time.Hour)
	for _, id := range []uint64{open, claimed} {
		require.Equal(t, types.TASK_STATUS_REFUND_PENDING, f.task(id).Status, "task %d", id)
	}
	require.Equal(t, int64(5000), f.escrow())
	require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))
	require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
	require.Empty(t, f.rewards.Penalties, "the deadline, not the worker, ended the claim")

	// A retry the bank refuses (here: the escrow account runs short) fails
	// and changes nothing, as do malformed ones.
	f.bank.Blocked[string(f.creator)] = false
	module := authtypes.NewModuleAddress(types.ModuleName)
	require.NoError(t, f.bank.Send(module, f.other, sdk.NewCoins(coin(5000))))
	_, err := f.msgs.RetryRefund(f.ctx, &types.MsgRetryRefund{Sender: f.str(f.other), TaskId: open})
	require.ErrorContains(t, err, "insufficient funds")
	require.Equal(t, types.TASK_STATUS_REFUND_PENDING, f.task(open).Status)
	require.NoError(t, f.bank.Send(f.other, module, sdk.NewCoins(coin(5000))))
	before := f.snapshot()
	_, err = f.msgs.RetryRefund(f.ctx, &types.MsgRetryRefund{Sender: "hyra1nope", TaskId: open})
	require.ErrorContains(t, err, "invalid address")
	_, err = f.msgs.RetryRefund(f.ctx, &types.MsgRetryRefund{Sender: f.str(f.other), TaskId: 77})
	require.ErrorContains(t, err, "not found")
	f.requireUnchanged(before)

	for _, id := range []uint64{open, claimed} {
		res, err := f.msgs.RetryRefund(f.ctx, &types.MsgRetryRefund{Sender: f.str(f.other), TaskId: id})
		require.NoError(t, err)
		require.Equal(t, f.str(f.creator), res.Recipient)
		require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(id).Status)
	}
	require.Equal(t, creatorBefore+5000, f.balance(f.creator))
	require.Zero(t, f.escrow())
	require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))
	_, err = f.msgs.RetryRefund(f.ctx, &types.MsgRetryRefund{Sender: f.str(f.other), TaskId: open})
	require.ErrorContains(t, err, "only REFUND_PENDING")
}
