package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// InitGenesis loads a validated genesis state into the store, creates the
// module accounts, and checks that the pools hold what the state says they
// hold (bank genesis runs first).
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return types.ErrInvalidGenesisState.Wrap(err.Error())
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	// Sequence.Next returns the stored value, so store next_unbonding_id itself.
	if err := k.UnbondingSeq.Set(ctx, gs.NextUnbondingId); err != nil {
		return err
	}
	bonded := sdkmath.ZeroInt()
	for _, b := range gs.Bonds {
		worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "bond worker", b.Worker)
		if err != nil {
			return err
		}
		if err := k.Bonds.Set(ctx, worker, b); err != nil {
			return err
		}
		bonded = bonded.Add(b.Bonded.Amount).Add(b.Unbonding.Amount)
	}
	for _, u := range gs.Unbondings {
		worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "unbonding worker", u.Worker)
		if err != nil {
			return err
		}
		if err := k.addUnbonding(ctx, worker, u); err != nil {
			return err
		}
	}
	for _, r := range gs.Reputations {
		worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "reputation worker", r.Worker)
		if err != nil {
			return err
		}
		if err := k.Reputations.Set(ctx, worker, r.Reputation); err != nil {
			return err
		}
	}
	if err := k.Epoch.Set(ctx, gs.Epoch); err != nil {
		return err
	}
	for _, w := range gs.Work {
		worker, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "work worker", w.Worker)
		if err != nil {
			return err
		}
		if err := k.EpochWork.Set(ctx, collections.Join(w.Epoch, worker), w.Work); err != nil {
			return err
		}
	}
	owed := sdkmath.ZeroInt()
	for _, p := range gs.PendingPayouts {
		if err := k.PendingPayouts.Set(ctx, p.Epoch, p); err != nil {
			return err
		}
		owed = owed.Add(p.Amount.Amount.Sub(p.Paid.Amount))
	}
	if err := k.importDeferredShares(ctx, gs.DeferredShares); err != nil {
		return err
	}
	denom := gs.Params.BondDenom()
	if err := k.checkPool(ctx, types.BondPoolName, denom, bonded, true); err != nil {
		return err
	}
	return k.checkPool(ctx, types.RewardPoolName, denom, owed, false)
}

// checkPool creates a module account if it is missing and checks its balance:
// equal to want for the bond pool (it holds nothing but bonds), at least want
// for the reward pool (floors leave remainders in it).
func (k Keeper) checkPool(ctx context.Context, name, denom string, want sdkmath.Int, exact bool) error {
	acc := k.authKeeper.GetModuleAccount(ctx, name)
	if acc == nil {
		return types.ErrUnknownModule.Wrapf("module account %s is not configured", name)
	}
	have := k.bankKeeper.GetBalance(ctx, acc.GetAddress(), denom)
	if (exact && !have.Amount.Equal(want)) || have.Amount.LT(want) {
		return types.ErrInvalidGenesisState.Wrapf("%s holds %s, the genesis state needs %s", name, have, sdk.NewCoin(denom, want))
	}
	return nil
}

// ExportGenesis writes the whole module state, in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.UnbondingSeq.Peek(ctx)
	if err != nil {
		return nil, err
	}
	epoch, err := k.Epoch.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextUnbondingId: next, Epoch: epoch}
	if gs.Bonds, err = keeperutil.Values(ctx, k.Bonds); err != nil {
		return nil, err
	}
	if gs.Unbondings, err = keeperutil.Values(ctx, k.Unbondings); err != nil {
		return nil, err
	}
	if err := k.Reputations.Walk(ctx, nil, func(worker sdk.AccAddress, rep int64) (bool, error) {
		s, err := k.addressString(worker, "worker")
		gs.Reputations = append(gs.Reputations, types.WorkerReputation{Worker: s, Reputation: rep})
		return err != nil, err
	}); err != nil {
		return nil, err
	}
	if err := k.EpochWork.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], work uint64) (bool, error) {
		s, err := k.addressString(key.K2(), "worker")
		gs.Work = append(gs.Work, types.EpochWork{Epoch: key.K1(), Worker: s, Work: work})
		return err != nil, err
	}); err != nil {
		return nil, err
	}
	if gs.PendingPayouts, err = keeperutil.Values(ctx, k.PendingPayouts); err != nil {
		return nil, err
	}
	if gs.DeferredShares, err = k.deferredShares(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
