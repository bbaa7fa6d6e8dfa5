package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// SettleTask splits escrow, held by the module account payerModule, between
// the worker, the model owner (royalty) and the protocol fee (community pool,
// with reward_pool_share_bps of the fee going to the epoch reward pool), by
// params in basis points, with integer arithmetic whose parts always sum
// exactly to the escrow, rounding in favour of the system (the worker and
// owner shares are floored; the remainder is fee). It records the protocol
// fee as the worker's work in the current epoch (see recordWork), raises
// reputation, and emits an event. Returns the worker's share.
//
// A model owner that is empty or may not receive coins (a blocked module
// account) gets no royalty: it goes to the protocol fee, so that the task
// still settles. An escrow in another denom than the bond denom pays its
// whole fee to the community pool, so that the reward pool holds one denom.
// The worker is paid at once; the other parts stay in payerModule's account
// until this block's EndBlock sends them, summed over the block's settlements
// (deferred.go).
//
// SettleTask writes as it goes and relies on its caller to drop a failed
// settlement's writes: its one caller is x/taskpool's result handler, and a
// message that fails leaves nothing (the SDK runs every message on a branch
// of the store that it writes back only on success). A branch of its own,
// per settlement, cost a copy of every module's store per result on the
// ABCI lock (BENCHMARKS.md, issue 17). A caller outside a message (an
// EndBlocker) must run it with keeperutil.RunAtomically.
func (k Keeper) SettleTask(
	ctx context.Context,
	payerModule string,
	taskID uint64,
	worker, modelOwner sdk.AccAddress,
	escrow sdk.Coin,
) (sdk.Coin, error) {
	workerStr, err := k.addressString(worker, "worker")
	if err != nil {
		return sdk.Coin{}, err
	}
	if err := escrow.Validate(); err != nil {
		return sdk.Coin{}, errorsmod.Wrap(types.ErrInvalidEscrow, err.Error())
	}
	if !escrow.IsPositive() {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrInvalidEscrow, "escrow of task %d must be positive, got %s", taskID, escrow)
	}
	payer, err := k.payerAddress(payerModule)
	if err != nil {
		return sdk.Coin{}, err
	}

	var share sdk.Coin
	err = func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		ownerBps, ownerStr := params.ModelOwnerShareBps, ""
		if len(modelOwner) == 0 || k.bankKeeper.BlockedAddr(modelOwner) {
			ownerBps = 0
		}
		if len(modelOwner) > 0 {
			if ownerStr, err = k.addressString(modelOwner, "model owner"); err != nil {
				return err
			}
		}
		poolBps := params.RewardPoolShareBps
		if escrow.Denom != params.BondDenom() {
			poolBps = 0
		}
		split, err := types.SplitEscrow(escrow.Amount, params.WorkerShareBps, ownerBps, poolBps)
		if err != nil {
			return err
		}
		if err := k.paySplit(ctx, payerModule, payer, worker, ownerStr, escrow.Denom, split); err != nil {
			return errorsmod.Wrapf(err, "settling task %d", taskID)
		}
		epoch, err := k.recordWork(ctx, worker, feeWork(split, escrow.Denom, params))
		if err != nil {
			return err
		}
		rep, err := k.raiseReputation(ctx, worker, params)
		if err != nil {
			return err
		}
		coin := func(x sdkmath.Int) sdk.Coin { return sdk.NewCoin(escrow.Denom, x) }
		share = coin(split.Worker)
		ev := types.EventTaskSettled{
			TaskId:             taskID,
			Worker:             workerStr,
			ModelOwner:         ownerStr,
			Escrow:             escrow,
			WorkerShare:        share,
			ModelOwnerShare:    coin(split.ModelOwner),
			CommunityPoolShare: coin(split.CommunityPool),
			RewardPoolShare:    coin(split.RewardPool),
			Epoch:              epoch,
			Reputation:         rep,
		}
		ctx.EventManager().EmitEvent(ev.Event())
		return nil
	}(sdk.UnwrapSDKContext(ctx))
	return share, err
}

// payerAddress returns the address of the module account escrow is paid
// from. x/rewards' own pools may not pay: bonds and rewards are never escrow.
func (k Keeper) payerAddress(payerModule string) (sdk.AccAddress, error) {
	if payerModule == types.BondPoolName || payerModule == types.RewardPoolName {
		return nil, errorsmod.Wrapf(types.ErrUnknownModule, "%s holds no escrow", payerModule)
	}
	addr := k.authKeeper.GetModuleAddress(payerModule)
	if addr == nil {
		return nil, errorsmod.Wrapf(types.ErrUnknownModule, "no module account %q", payerModule)
	}
	return addr, nil
}

// paySplit sends the worker its share at once and defers the other parts of
// a split to the end of the block (deferred.go), once it has checked that
// the payer holds them.
func (k Keeper) paySplit(
	ctx context.Context,
	payerModule string,
	payer, worker sdk.AccAddress,
	ownerStr string,
	denom string,
	split types.Split,
) error {
	if split.Worker.IsPositive() {
		coins := sdk.NewCoins(sdk.NewCoin(denom, split.Worker))
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, payerModule, worker, coins); err != nil {
			return errorsmod.Wrap(err, "paying the worker")
		}
	}
	if err := k.deferShare(ctx, payerModule, denom, ownerStr, split.ModelOwner); err != nil {
		return err
	}
	if err := k.deferShare(ctx, payerModule, denom, types.RewardPoolName, split.RewardPool); err != nil {
		return err
	}
	deferred := split.ModelOwner.Add(split.RewardPool).Add(split.CommunityPool)
	total, err := k.addDeferredTotal(ctx, payerModule, denom, deferred)
	if err != nil {
		return err
	}
	return k.checkCovered(ctx, payerModule, payer, sdk.NewCoin(denom, total))
}
