package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestPostInput(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture, m *types.MsgPostInput)
		wantErr string
	}{
		{name: "success - creator, claimed, first post", setup: func(*fixture, *types.MsgPostInput) {}},
		{name: "error - not the creator", setup: func(f *fixture, m *types.MsgPostInput) { m.Creator = f.str(f.other) }, wantErr: "was submitted by"},
		{name: "error - second post on the claim", setup: func(f *fixture, _ *types.MsgPostInput) {
			require.NoError(f.t, f.postInput(1, []byte("first")))
		}, wantErr: "already posted"},
		{name: "error - open task", setup: func(f *fixture, m *types.MsgPostInput) { m.TaskId = f.submitPrivate(1) }, wantErr: "its input is posted while it is CLAIMED"},
		{name: "error - public task", setup: func(f *fixture, m *types.MsgPostInput) { m.TaskId = f.submitTask(1, price) }, wantErr: "is public"},
		{name: "error - claim lapsed", setup: func(f *fixture, _ *types.MsgPostInput) {
			f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(types.DefaultPrivateInputWindow))
		}, wantErr: "claim has expired"},
		{name: "error - empty ciphertext", setup: func(_ *fixture, m *types.MsgPostInput) { m.Ciphertext = nil }, wantErr: "ciphertext is 0 bytes"},
		{name: "error - unknown task", setup: func(_ *fixture, m *types.MsgPostInput) { m.TaskId = 42 }, wantErr: "task not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			poolID, id := f.privateSetup()
			f.claimPrivate(f.worker, poolID, id)
			msg := &types.MsgPostInput{Creator: f.str(f.creator), TaskId: id, Ciphertext: []byte("input sealed to the worker")}
			tc.setup(f, msg)
			before := f.snapshot()
			_, err := f.msgs.PostInput(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				f.requireUnchanged(before)
				return
			}
			require.NoError(t, err)
			task := f.task(id)
			require.Equal(t, msg.Ciphertext, task.InputCiphertext)
			require.Equal(t, f.ctx.BlockTime().Add(time.Minute), task.ClaimExpiry, "the worker gets the pool's claim timeout from the post")
			requireEvent(t, f.ctx, "hyra.taskpool.v1.EventInputPosted")
		})
	}
}

// TestClientNeverPosts: a claim whose input never comes lapses at the input
// window without penalty; the task is OPEN again for any worker, and its
// worker key is gone.
func TestClientNeverPosts(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	total := f.bank.Total()
	f.claimPrivate(f.worker, poolID, id)
	f.run(types.DefaultPrivateInputWindow - time.Second)
	require.Equal(t, types.TASK_STATUS_CLAIMED, f.task(id).Status)
	f.run(time.Second)

	task := f.task(id)
	require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
	require.Empty(t, task.Worker)
	require.Empty(t, task.WorkerKey)
	require.Empty(t, f.rewards.Penalties, "the worker is not penalised for the client's absence")
	require.Zero(t, f.workerRec(f.worker).LapsedClaims)
	require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
	require.Equal(t, privatePrice, f.escrow())
	require.Equal(t, uint32(1), task.InputRejections, "a missed window counts toward the cap")
	f.checkInvariants(total)
	f.claimPrivate(f.worker, poolID, id) // claimable again
}

// TestClientNeverPostsUntilTheCap: a client that lets the input window pass
// claim after claim keeps workers waiting for free, so its missed windows
// count toward max_input_rejections: at the cap the task is cancelled and
// refunded instead of offered again, and no worker is penalised.
func TestClientNeverPostsUntilTheCap(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	total := f.bank.Total()
	creatorBalance := f.balance(f.creator)
	for i := uint32(1); i <= types.DefaultMaxInputRejections; i++ {
		f.claimPrivate(f.worker, poolID, id)
		f.run(types.DefaultPrivateInputWindow)
		task := f.task(id)
		require.Equal(t, i, task.InputRejections)
		require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
		if i < types.DefaultMaxInputRejections {
			require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
			continue
		}
		require.Equal(t, types.TASK_STATUS_CANCELLED, task.Status)
		requireEvent(t, f.ctx, "hyra.taskpool.v1.EventTaskCancelled")
	}
	require.Empty(t, f.rewards.Penalties, "the worker is not penalised for the client's absence")
	require.Zero(t, f.workerRec(f.worker).LapsedClaims)
	require.Equal(t, creatorBalance+privatePrice, f.balance(f.creator), "refunded at the cap")
	require.Zero(t, f.escrow())
	f.checkInvariants(total)
}

// TestWorkerNeverAnswers: a worker that had the input and does not deliver
// lapses as any worker does (penalised), and the posted input is cleared.
func TestWorkerNeverAnswers(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	total := f.bank.Total()
	f.claimPrivate(f.worker, poolID, id)
	f.run(10 * time.Second)
	require.NoError(t, f.postInput(id, []byte("input sealed to the worker")))
	f.run(time.Minute)

	task := f.task(id)
	require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
	require.Empty(t, task.InputCiphertext)
	require.Empty(t, task.WorkerKey)
	require.Equal(t, []uint64{id}, f.rewards.Penalties)
	require.Equal(t, uint64(1), f.workerRec(f.worker).LapsedClaims)
	f.checkInvariants(total)
}

// TestRejectInput: a rejected input ends the claim without penalty and
// reopens the task; at max_input_rejections the task is refunded instead.
// Each rejection here is of a ciphertext copied from another task: the chain
// cannot open it, it takes it, and the worker, whose HPKE open fails for this
// task, rejects it.
func TestRejectInput(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	other := f.submitPrivate(poolID)
	total := f.bank.Total()
	creatorBalance := f.balance(f.creator)
	f.readyWorker(f.worker2)
	f.claimPrivate(f.worker2, poolID, other)
	require.NoError(t, f.postInput(other, []byte("input of the other task")))
	replayed := f.task(other).InputCiphertext

	for i := uint32(1); i <= types.DefaultMaxInputRejections; i++ {
		f.claimPrivate(f.worker, poolID, id)
		require.NoError(t, f.postInput(id, replayed))
		require.ErrorContains(t, f.postInput(id, replayed), "already posted", "the chain refuses a second post")

		before := f.snapshot()
		_, err := f.rejectInput(f.worker2, id)
		require.ErrorContains(t, err, "claimed by", "only the task's worker may reject")
		f.requireUnchanged(before)

		res, err := f.rejectInput(f.worker, id)
		require.NoError(t, err)
		require.Equal(t, i, res.Rejections)
		task := f.task(id)
		require.Equal(t, i, task.InputRejections)
		require.Empty(t, task.InputCiphertext)
		require.Empty(t, f.workerRec(f.worker).ActiveTaskIds)
		requireEvent(t, f.ctx, "hyra.taskpool.v1.EventInputRejected")
		if i < types.DefaultMaxInputRejections {
			require.False(t, res.Refunded)
			require.Equal(t, types.TASK_STATUS_OPEN, task.Status)
			continue
		}
		require.True(t, res.Refunded)
		require.Equal(t, types.TASK_STATUS_CANCELLED, task.Status)
	}
	require.Empty(t, f.rewards.Penalties, "no rejection penalises anyone")
	require.Zero(t, f.workerRec(f.worker).LapsedClaims)
	require.Equal(t, creatorBalance+privatePrice, f.balance(f.creator), "refunded at the cap")
	require.Equal(t, privatePrice, f.escrow(), "only the other task's escrow is left")
	f.checkInvariants(total)
}

func TestRejectInputRefusals(t *testing.T) {
	f := newFixture(t)
	poolID, id := f.privateSetup()
	f.claimPrivate(f.worker, poolID, id)
	before := f.snapshot()
	_, err := f.rejectInput(f.worker, id)
	require.ErrorContains(t, err, "not posted yet")
	public := f.submitTask(poolID, price)
	f.readyWorker(f.worker2)
	f.claim(f.worker2, poolID, public)
	_, err = f.rejectInput(f.worker2, public)
	require.ErrorContains(t, err, "is public")
	require.Equal(t, before.state.Tasks[0], f.task(id))
}

// TestPrivateCancelAndExpiry: a private task is refunded when cancelled
// while OPEN, and at its deadline whatever phase its claim is in, without
// penalty to a worker the deadline stopped; nothing is left in escrow.
func TestPrivateCancelAndExpiry(t *testing.T) {
	f := newFixture(t)
	_, cancelled := f.privateSetup()
	total := f.bank.Total()
	balance := f.balance(f.creator) + privatePrice // the cancelled task's escrow comes back
	_, err := f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: cancelled})
	require.NoError(t, err)

	params, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	params.PrivateInputWindow = 30 * time.Minute
	params.MaxClaimTimeout = time.Hour
	require.NoError(t, f.k.Params.Set(f.ctx, params))
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "slow", ModelId: irisID, ClaimTimeout: 50 * time.Minute,
	})
	require.NoError(t, err)
	waiting := f.submitPrivate(res.PoolId)
	f.claimPrivate(f.worker, res.PoolId, waiting)
	f.run(20 * time.Minute)
	require.NoError(t, f.postInput(waiting, []byte("input sealed to the worker")))
	require.Equal(t, f.task(waiting).Deadline, f.task(waiting).ClaimExpiry, "a posted input's claim never runs past the deadline")
	f.run(time.Hour)

	task := f.task(waiting)
	require.Equal(t, types.TASK_STATUS_EXPIRED, task.Status)
	require.Empty(t, task.InputCiphertext)
	require.Empty(t, f.rewards.Penalties, "the deadline, not the worker, ended the claim")
	require.Equal(t, balance, f.balance(f.creator))
	require.Zero(t, f.escrow(), "nothing stranded")
	f.checkInvariants(total)
}
