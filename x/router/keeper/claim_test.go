package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

func TestClaimBest(t *testing.T) {
	t.Run("success - the highest reward; no more than max_active_tasks", func(t *testing.T) {
		f := newFixture(t)
		pool := f.createPool(0)
		f.submitTask(pool, 1000)
		best := f.submitTask(pool, 3000)
		f.submitTask(pool, 2000)
		f.readyWorker()
		res, err := f.msgs.ClaimBest(f.ctx, &types.MsgClaimBest{Worker: f.str(f.worker), ModelId: irisID})
		require.NoError(t, err)
		require.Equal(t, best, res.TaskId)
		require.Equal(t, coin(3000), res.Reward)
		_, err = f.msgs.ClaimBest(f.ctx, &types.MsgClaimBest{Worker: f.str(f.worker)})
		require.ErrorIs(t, err, tptypes.ErrTooManyTasks)
	})
	t.Run("success - a pool the worker's reputation does not reach is passed over", func(t *testing.T) {
		f := newFixture(t)
		f.submitTask(f.createPool(10), 5000)
		open := f.submitTask(f.createPool(0), 1000)
		f.readyWorker()
		res, err := f.msgs.ClaimBest(f.ctx, &types.MsgClaimBest{Worker: f.str(f.worker)})
		require.NoError(t, err)
		require.Equal(t, open, res.TaskId)
	})
	for name, tc := range map[string]struct {
		msg     func(f *fixture) *types.MsgClaimBest
		ready   bool
		wantErr error
	}{
		"error - an unregistered worker": {
			msg: func(f *fixture) *types.MsgClaimBest { return &types.MsgClaimBest{Worker: f.str(f.worker)} }, wantErr: tptypes.ErrWorkerNotFound,
		},
		"error - no task of the model asked for": {
			msg: func(f *fixture) *types.MsgClaimBest { return &types.MsgClaimBest{Worker: f.str(f.worker), ModelId: 99} }, ready: true, wantErr: types.ErrNoTaskAvailable,
		},
		"error - no pool with the claim timeout the worker needs": {
			msg: func(f *fixture) *types.MsgClaimBest {
				return &types.MsgClaimBest{Worker: f.str(f.worker), MinWindow: 2 * time.Minute}
			}, ready: true, wantErr: types.ErrNoTaskAvailable,
		},
		"error - model_id and models both set": {
			msg: func(f *fixture) *types.MsgClaimBest {
				return &types.MsgClaimBest{Worker: f.str(f.worker), ModelId: irisID, Models: []types.ServedModel{{ModelId: irisID}}}
			}, ready: true, wantErr: types.ErrInvalidFilter,
		},
		"error - a bad worker address": {
			msg: func(*fixture) *types.MsgClaimBest { return &types.MsgClaimBest{Worker: "hyra1bad"} }, wantErr: types.ErrInvalidAddress,
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			f.submitTask(f.createPool(0), 1000)
			if tc.ready {
				f.readyWorker()
			}
			_, err := f.msgs.ClaimBest(f.ctx, tc.msg(f))
			require.ErrorIs(t, err, tc.wantErr)
		})
	}
}
