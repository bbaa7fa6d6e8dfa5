package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

func TestCheckMinBond(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(f *fixture)
		worker func(f *fixture) sdk.AccAddress
		err    string
	}{
		{name: "success - exactly the minimum", setup: func(f *fixture) { f.bond(t, f.worker, types.DefaultMinWorkerBond) }},
		{name: "success - above the minimum", setup: func(f *fixture) { f.bond(t, f.worker, types.DefaultMinWorkerBond+1) }},
		{
			name:  "success - no bond needed when the minimum is zero",
			setup: func(f *fixture) { f.setParams(t, func(p *types.Params) { p.MinWorkerBond = coin(0) }) },
		},
		{name: "error - no bond", err: "has 0uhyra bonded, 10000000uhyra is required to claim a task"},
		{
			name:  "error - one below the minimum",
			setup: func(f *fixture) { f.bond(t, f.worker, types.DefaultMinWorkerBond-1) },
			err:   "has 9999999uhyra bonded",
		},
		{
			name: "error - unbonding coins do not count",
			setup: func(f *fixture) {
				f.bond(t, f.worker, types.DefaultMinWorkerBond)
				f.unbond(t, f.worker, 1)
			},
			err: "insufficient bond",
		},
		{name: "error - empty worker", worker: func(*fixture) sdk.AccAddress { return nil }, err: "worker is empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			worker := f.worker
			if tc.worker != nil {
				worker = tc.worker(f)
			}
			err := f.k.CheckMinBond(f.ctx, worker)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
		})
	}
}

// TestUnbondingCompletes checks that coins come back exactly when the
// unbonding period has passed, and not a block before.
func TestUnbondingCompletes(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) { p.UnbondingPeriod = 10 * time.Second })
	f.bond(t, f.worker, 100)
	start := f.balance(f.worker)
	f.unbond(t, f.worker, 60)

	f.endBlock(t, 9*time.Second) // block at t0: nothing due
	f.endBlock(t, time.Second)   // block at t0+9s: nothing due
	require.Equal(t, start, f.balance(f.worker))
	has, err := f.k.Unbondings.Has(f.ctx, 1)
	require.NoError(t, err)
	require.True(t, has)

	f.endBlock(t, time.Second) // block at t0+10s: due
	require.Equal(t, start+60, f.balance(f.worker))
	bond, err := f.k.Bonds.Get(f.ctx, f.worker)
	require.NoError(t, err)
	require.Equal(t, coin(40), bond.Bonded)
	require.Equal(t, coin(0), bond.Unbonding)
	has, err = f.k.Unbondings.Has(f.ctx, 1)
	require.NoError(t, err)
	require.False(t, has)
	requireEvent(t, f.ctx, "hyra.rewards.v1.EventUnbondingCompleted")
	f.checkInvariants(t)

	// Unbonding the rest deletes the bond once it completes.
	f.unbond(t, f.worker, 40)
	f.endBlock(t, 10*time.Second)
	f.endBlock(t, time.Second)
	has, err = f.k.Bonds.Has(f.ctx, f.worker)
	require.NoError(t, err)
	require.False(t, has)
	require.Equal(t, start+100, f.balance(f.worker))
	f.checkInvariants(t)
}

// TestUnbondingCapPerBlock checks that one block completes at most
// max_unbondings_per_block unbondings, oldest first, and the next block the rest.
func TestUnbondingCapPerBlock(t *testing.T) {
	f := newFixture(t)
	f.setParams(t, func(p *types.Params) {
		p.UnbondingPeriod = time.Second
		p.MaxUnbondingsPerBlock = 2
	})
	workers := []sdk.AccAddress{f.worker, f.other, f.owner}
	for _, w := range workers {
		f.bond(t, w, 10)
		f.unbond(t, w, 10)
	}
	f.endBlock(t, time.Hour)
	f.endBlock(t, time.Second)
	left, err := f.k.Unbondings.Has(f.ctx, 3)
	require.NoError(t, err)
	require.True(t, left, "the third unbonding waits for the next block")
	for _, id := range []uint64{1, 2} {
		has, err := f.k.Unbondings.Has(f.ctx, id)
		require.NoError(t, err)
		require.False(t, has)
	}
	f.endBlock(t, time.Second)
	left, err = f.k.Unbondings.Has(f.ctx, 3)
	require.NoError(t, err)
	require.False(t, left)
	require.Equal(t, int64(0), f.moduleBalance(types.BondPoolName))
	f.checkInvariants(t)
}

// TestUnbondingThatCannotBePaid checks that an unbonding whose transfer fails
// (or panics) goes back to the bond instead of halting or blocking the queue.
func TestUnbondingThatCannotBePaid(t *testing.T) {
	for _, mode := range []string{"fails", "panics"} {
		t.Run("success - a transfer that "+mode+" is rebonded", func(t *testing.T) {
			f := newFixture(t)
			f.setParams(t, func(p *types.Params) { p.UnbondingPeriod = time.Second })
			f.bond(t, f.worker, 10)
			f.bond(t, f.other, 10)
			f.unbond(t, f.worker, 7)
			f.unbond(t, f.other, 10)
			if mode == "fails" {
				f.bank.FailTo[string(f.worker)] = true
			} else {
				f.bank.PanicTo[string(f.worker)] = true
			}
			otherBefore := f.balance(f.other)
			f.endBlock(t, time.Minute)
			f.endBlock(t, time.Second)

			bond, err := f.k.Bonds.Get(f.ctx, f.worker)
			require.NoError(t, err)
			require.Equal(t, coin(10), bond.Bonded, "the unbonded coins are bonded again")
			require.Equal(t, coin(0), bond.Unbonding)
			require.Equal(t, otherBefore+10, f.balance(f.other), "the next unbonding still completes")
			f.checkInvariants(t)
		})
	}
}
