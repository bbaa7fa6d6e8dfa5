package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// The shares of a settlement that nobody waits for within the block (the
// model owner's royalty, the reward pool's and the community pool's parts of
// the protocol fee) are not sent by each settlement: it adds them to
// DeferredShares, one entry per (payer module, denom, recipient), and
// EndBlock sends each entry once. A block of n results of one model thus
// makes three transfers instead of 3n; only the worker's share, which its
// transaction reports, is sent at once. Between two transactions of a block
// the payer module still holds the deferred shares (x/taskpool's escrow
// invariant counts them); at every block boundary, where queries read state,
// every balance is what paying at once would have left.

// deferShare adds amount to what payer sends recipient in denom at the end
// of the block.
func (k Keeper) deferShare(ctx context.Context, payer, denom, recipient string, amount sdkmath.Int) error {
	if !amount.IsPositive() {
		return nil
	}
	key := collections.Join3(payer, denom, recipient)
	sum, err := k.DeferredShares.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		sum = sdkmath.ZeroInt()
	case err != nil:
		return err
	}
	return k.DeferredShares.Set(ctx, key, sum.Add(amount))
}

// checkCovered fails unless payer's account holds every share deferred from
// it in denom: a settlement may not defer what its payer does not hold (it
// would fail every EndBlock), as it could not have sent it.
func (k Keeper) checkCovered(ctx context.Context, payer string, payerAddr sdk.AccAddress, denom string) error {
	deferred := sdkmath.ZeroInt()
	rng := collections.NewSuperPrefixedTripleRange[string, string, string](payer, denom)
	err := k.DeferredShares.Walk(ctx, rng, func(_ collections.Triple[string, string, string], amount sdkmath.Int) (bool, error) {
		deferred = deferred.Add(amount)
		return false, nil
	})
	if err != nil {
		return err
	}
	if have := k.bankKeeper.GetBalance(ctx, payerAddr, denom); have.Amount.LT(deferred) {
		return errorsmod.Wrapf(sdkerrors.ErrInsufficientFunds, "%s holds %s, less than the %s%s deferred from it", payer, have, deferred, denom)
	}
	return nil
}

// DeferredBy returns the shares payerModule's account holds until the end of
// the block: x/taskpool's escrow invariant adds them to the open escrows.
func (k Keeper) DeferredBy(ctx context.Context, payerModule string) (sdk.Coins, error) {
	total := sdk.NewCoins()
	rng := collections.NewPrefixedTripleRange[string, string, string](payerModule)
	err := k.DeferredShares.Walk(ctx, rng, func(key collections.Triple[string, string, string], amount sdkmath.Int) (bool, error) {
		total = total.Add(sdk.NewCoin(key.K2(), amount))
		return false, nil
	})
	return total, err
}

// sendDeferredShares sends every deferred share, each on its own branch of
// the store. A send that fails (none can while the payer holds its escrows,
// which the escrow invariant checks) is logged and its entry kept, to be
// tried again next block, so no coin is lost. The work is bounded by the
// block's settlements: each entry was written, and its gas paid, by one.
func (k Keeper) sendDeferredShares(ctx context.Context) error {
	shares, err := k.deferredShares(ctx)
	if err != nil {
		return err
	}
	for _, s := range shares {
		err := keeperutil.RunAtomically(ctx, func(ctx sdk.Context) error {
			if err := k.sendShare(ctx, s); err != nil {
				return err
			}
			return k.DeferredShares.Remove(ctx, collections.Join3(s.PayerModule, s.Amount.Denom, s.Recipient))
		})
		if err != nil {
			k.Logger(ctx).Error("cannot send deferred share; trying again next block",
				"payer", s.PayerModule, "recipient", s.Recipient, "amount", s.Amount, "err", err)
		}
	}
	return nil
}

// sendShare sends one deferred share from its payer module's account.
func (k Keeper) sendShare(ctx context.Context, s types.DeferredShare) error {
	coins := sdk.NewCoins(s.Amount)
	switch s.Recipient {
	case types.RewardPoolName:
		return k.bankKeeper.SendCoinsFromModuleToModule(ctx, s.PayerModule, types.RewardPoolName, coins)
	case types.CommunityPoolRecipient:
		payer, err := k.payerAddress(s.PayerModule)
		if err != nil {
			return err
		}
		return k.distrKeeper.FundCommunityPool(ctx, coins, payer)
	default:
		owner, err := k.addressCodec.StringToBytes(s.Recipient)
		if err != nil {
			return errorsmod.Wrapf(types.ErrInvalidAddress, "deferred share recipient %q: %s", s.Recipient, err)
		}
		return k.bankKeeper.SendCoinsFromModuleToAccount(ctx, s.PayerModule, owner, coins)
	}
}

// deferredShares lists the deferred shares in key order (payer, denom,
// recipient), for EndBlock and genesis export.
func (k Keeper) deferredShares(ctx context.Context) ([]types.DeferredShare, error) {
	var out []types.DeferredShare
	err := k.DeferredShares.Walk(ctx, nil, func(key collections.Triple[string, string, string], amount sdkmath.Int) (bool, error) {
		out = append(out, types.DeferredShare{PayerModule: key.K1(), Recipient: key.K3(), Amount: sdk.NewCoin(key.K2(), amount)})
		return false, nil
	})
	return out, err
}

// importDeferredShares stores validated genesis deferred shares.
func (k Keeper) importDeferredShares(ctx context.Context, shares []types.DeferredShare) error {
	for _, s := range shares {
		if _, err := k.payerAddress(s.PayerModule); err != nil {
			return err
		}
		if err := k.deferShare(ctx, s.PayerModule, s.Amount.Denom, s.Recipient, s.Amount.Amount); err != nil {
			return err
		}
	}
	return nil
}
