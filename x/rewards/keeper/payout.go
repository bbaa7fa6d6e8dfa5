package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// workKey is one (epoch, worker) work entry and its work (protocol fee paid).
type workKey struct {
	key  collections.Pair[uint64, sdk.AccAddress]
	work uint64
}

// payOutEpochs pays the rewards of ended epochs, oldest first, to at most
// params.MaxPayoutsPerBlock workers per block; the rest are paid in the next
// blocks. Each worker gets floor(reward * work / total_work), capped at
// epoch_reward_cap_bps of its work (types.EpochShare); what the floors and
// caps leave stays in the pool for later epochs. A worker who cannot be
// paid is logged and skipped, and its share stays in the pool.
func (k Keeper) payOutEpochs(ctx context.Context, params types.Params) error {
	budget := params.MaxPayoutsPerBlock
	for budget > 0 {
		payout, found, err := k.oldestPendingPayout(ctx)
		if err != nil || !found {
			return err
		}
		batch, err := k.workBatch(ctx, payout.Epoch, budget)
		if err != nil {
			return err
		}
		paid := sdkmath.ZeroInt()
		for _, w := range batch {
			var share sdkmath.Int
			err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) (err error) {
				share, err = k.payWorker(ctx, payout, w, params.EpochRewardCapBps)
				return err
			})
			if err != nil {
				k.Logger(ctx).Error("cannot pay epoch reward; skipping worker", "epoch", payout.Epoch, "err", err)
			} else {
				paid = paid.Add(share)
			}
			if err := k.EpochWork.Remove(ctx, w.key); err != nil {
				return err
			}
		}
		payout.Paid.Amount = payout.Paid.Amount.Add(paid)
		if uint32(len(batch)) == budget { //nolint:gosec // G115: the batch never holds more than the uint32 budget
			// More workers may be left: go on next block.
			return k.PendingPayouts.Set(ctx, payout.Epoch, payout)
		}
		budget -= uint32(len(batch)) //nolint:gosec // G115: the batch never holds more than the uint32 budget
		if err := k.PendingPayouts.Remove(ctx, payout.Epoch); err != nil {
			return err
		}
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventEpochPayoutCompleted{
			Epoch: payout.Epoch,
			Paid:  payout.Paid,
		}); err != nil {
			return err
		}
	}
	return nil
}

// oldestPendingPayout returns the ended epoch with the lowest number that is
// still being paid out.
func (k Keeper) oldestPendingPayout(ctx context.Context) (p types.PendingPayout, found bool, err error) {
	err = k.PendingPayouts.Walk(ctx, nil, func(_ uint64, v types.PendingPayout) (bool, error) {
		p, found = v, true
		return true, nil
	})
	return p, found, err
}

// workBatch reads at most limit work entries of an epoch, in key order.
func (k Keeper) workBatch(ctx context.Context, epoch uint64, limit uint32) ([]workKey, error) {
	var batch []workKey
	err := k.EpochWork.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](epoch),
		func(key collections.Pair[uint64, sdk.AccAddress], work uint64) (bool, error) {
			batch = append(batch, workKey{key: key, work: work})
			return uint32(len(batch)) >= limit, nil //nolint:gosec // G115: the batch never holds more than the uint32 budget
		})
	return batch, err
}

// payWorker sends a worker its share of an epoch's reward, capped at capBps
// of its work, and returns it.
func (k Keeper) payWorker(ctx context.Context, payout types.PendingPayout, w workKey, capBps uint32) (sdkmath.Int, error) {
	share, err := types.EpochShare(payout.Amount.Amount, w.work, payout.TotalWork, capBps)
	if err != nil {
		return share, err
	}
	worker := w.key.K2()
	workerStr, err := k.addressString(worker, "worker")
	if err != nil {
		return share, err
	}
	if share.IsPositive() {
		coin := sdk.NewCoin(payout.Amount.Denom, share)
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.RewardPoolName, worker, sdk.NewCoins(coin)); err != nil {
			return share, errorsmod.Wrapf(err, "paying %s to %s", coin, workerStr)
		}
	}
	return share, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventEpochRewardPaid{
		Epoch:  payout.Epoch,
		Worker: workerStr,
		Work:   w.work,
		Amount: sdk.NewCoin(payout.Amount.Denom, share),
	})
}
