package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// PenalizeTimeout slashes timeout_slash_bps of the worker's bond, including
// coins still unbonding, to the community pool, and lowers reputation. A
// worker with no bond only loses reputation (no error): it is called from
// x/taskpool's EndBlocker and must never fail for a normal worker.
//
// Each part (the bonded amount and each unbonding) loses floor(part * bps /
// 10000). Nothing is written unless the whole penalty succeeds.
func (k Keeper) PenalizeTimeout(ctx context.Context, taskID uint64, worker sdk.AccAddress) error {
	workerStr, err := k.addressString(worker, "worker")
	if err != nil {
		return err
	}
	return atomically(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		fromBonded, fromUnbonding, err := k.slashBond(ctx, worker, params.TimeoutSlashBps)
		if err != nil {
			return errorsmod.Wrapf(err, "slashing %s for task %d", workerStr, taskID)
		}
		rep, err := k.lowerReputation(ctx, worker, params.ReputationLoss)
		if err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventWorkerSlashed{
			TaskId:           taskID,
			Worker:           workerStr,
			SlashedBonded:    sdk.NewCoin(params.BondDenom(), fromBonded),
			SlashedUnbonding: sdk.NewCoin(params.BondDenom(), fromUnbonding),
			Reputation:       rep,
		})
	})
}

// PenalizeRelease lowers the reputation of a worker that gave a claimed task
// back by release_reputation_loss (at most what a lapse takes, by params
// validation) and slashes nothing. It returns the worker's new reputation.
func (k Keeper) PenalizeRelease(ctx context.Context, worker sdk.AccAddress) (int64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	return k.lowerReputation(ctx, worker, params.ReleaseReputationLoss)
}

// slashBond takes bps of a worker's bonded amount and of each of its
// unbondings, sends the total to the community pool, and returns what came
// from each. A worker without a bond loses nothing.
func (k Keeper) slashBond(ctx context.Context, worker sdk.AccAddress, bps uint32) (fromBonded, fromUnbonding sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	bond, err := k.Bonds.Get(ctx, worker)
	if errors.Is(err, collections.ErrNotFound) {
		return zero, zero, nil
	}
	if err != nil {
		return zero, zero, err
	}
	fromBonded, err = types.MulBps(bond.Bonded.Amount, bps)
	if err != nil {
		return zero, zero, err
	}
	// A worker has at most max_unbonding_entries (hard limit 100) unbondings.
	unbondings, err := k.workerUnbondings(ctx, worker)
	if err != nil {
		return zero, zero, err
	}
	fromUnbonding = zero
	for _, u := range unbondings {
		cut, err := types.MulBps(u.Amount.Amount, bps)
		if err != nil {
			return zero, zero, err
		}
		if cut.IsZero() {
			continue
		}
		fromUnbonding = fromUnbonding.Add(cut)
		u.Amount.Amount = u.Amount.Amount.Sub(cut)
		if u.Amount.IsZero() {
			err = k.removeUnbonding(ctx, worker, u)
		} else {
			err = k.Unbondings.Set(ctx, u.Id, u)
		}
		if err != nil {
			return zero, zero, err
		}
	}
	total := fromBonded.Add(fromUnbonding)
	if total.IsPositive() {
		pool := k.authKeeper.GetModuleAddress(types.BondPoolName)
		if pool == nil {
			return zero, zero, errorsmod.Wrapf(types.ErrUnknownModule, "module account %s is not configured", types.BondPoolName)
		}
		slashed := sdk.NewCoins(sdk.NewCoin(bond.Bonded.Denom, total))
		if err := k.distrKeeper.FundCommunityPool(ctx, slashed, pool); err != nil {
			return zero, zero, errorsmod.Wrapf(err, "sending %s slashed to the community pool", slashed)
		}
	}
	bond.Bonded.Amount = bond.Bonded.Amount.Sub(fromBonded)
	bond.Unbonding.Amount = bond.Unbonding.Amount.Sub(fromUnbonding)
	return fromBonded, fromUnbonding, k.setBond(ctx, worker, bond)
}
