package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/router/types"
)

func TestRouteTask(t *testing.T) {
	t.Run("success - opens a pool for a model that has none, then routes to it", func(t *testing.T) {
		f := newFixture(t)
		res, err := f.route(time.Hour)
		require.NoError(t, err)
		require.True(t, res.PoolCreated)
		again, err := f.route(time.Hour)
		require.NoError(t, err)
		require.False(t, again.PoolCreated)
		require.Equal(t, res.PoolId, again.PoolId)
	})
	t.Run("success - the least loaded routable pool", func(t *testing.T) {
		f := newFixture(t)
		busy, idle := f.createPool(0), f.createPool(0)
		f.submitTask(busy, 1000)
		f.createPool(5) // fewer open tasks, but not open to every worker
		res, err := f.route(time.Hour)
		require.NoError(t, err)
		require.Equal(t, idle, res.PoolId)
		require.False(t, res.PoolCreated)
	})
	for name, tc := range map[string]struct {
		setup   func(f *fixture)
		ttl     time.Duration
		wantErr error
	}{
		"error - unknown model": {
			setup: func(f *fixture) { delete(f.models.Models, irisID) }, ttl: time.Hour, wantErr: mrtypes.ErrModelNotFound,
		},
		"error - inactive model": {
			setup: func(f *fixture) { m := f.models.Models[irisID]; m.Active = false; f.models.Models[irisID] = m }, ttl: time.Hour, wantErr: types.ErrModelInactive,
		},
		"error - a deadline inside the claim timeout of the pool it would open": {
			setup: func(*fixture) {}, ttl: 2 * time.Minute, wantErr: types.ErrNoRoutablePool,
		},
		"error - a deadline no routable pool leaves its claim timeout": {
			setup: func(f *fixture) { f.createPool(0) }, ttl: 30 * time.Second, wantErr: types.ErrNoRoutablePool,
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			tc.setup(f)
			_, err := f.route(tc.ttl)
			require.ErrorIs(t, err, tc.wantErr)
		})
	}
}
