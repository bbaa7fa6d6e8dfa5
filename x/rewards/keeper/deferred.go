package keeper

import (
	"context"
	"errors"
	"slices"
	"sort"

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
// the protocol fee) are not sent by each settlement: it adds them up per
// (payer module, denom, recipient), and EndBlock sends each sum once. A block
// of n results of one model thus makes three transfers instead of 3n; only
// the worker's share, which its transaction reports, is sent at once. Between
// two transactions of a block the payer module still holds the deferred
// shares (x/taskpool's escrow invariant counts them); at every block
// boundary, where queries read state, every balance is what paying at once
// would have left.
//
// The sums are stored as DeferredShares entries for the owners and the
// reward pool, and as one DeferredTotals entry per payer and denom: all it
// defers, the community pool's share being the total less the entries. A
// settlement must check that its payer holds everything deferred from it
// (checkCovered), and the total gives that figure in the one entry the
// community pool's share needed anyway: the same reads and writes as three
// entries, without walking the payer's entries on every settlement (a walk
// of the block's cache, which grows with the block).

// deferShare adds amount to what payer sends recipient, an owner or the
// reward pool, in denom at the end of the block. The caller adds it to the
// payer's total (addDeferredTotal).
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

// addDeferredTotal adds amount (a settlement's deferred shares, the
// community pool's included) to everything payer defers in denom and returns
// the new total.
func (k Keeper) addDeferredTotal(ctx context.Context, payer, denom string, amount sdkmath.Int) (sdkmath.Int, error) {
	key := collections.Join(payer, denom)
	total, err := k.DeferredTotals.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		total = sdkmath.ZeroInt()
	case err != nil:
		return total, err
	}
	if !amount.IsPositive() {
		return total, nil
	}
	total = total.Add(amount)
	return total, k.DeferredTotals.Set(ctx, key, total)
}

// checkCovered fails unless payer's account holds deferred, every share
// deferred from it in that denom: a settlement may not defer what its payer
// does not hold (it would fail every EndBlock), as it could not have sent it.
func (k Keeper) checkCovered(ctx context.Context, payer string, payerAddr sdk.AccAddress, deferred sdk.Coin) error {
	if have := k.bankKeeper.GetBalance(ctx, payerAddr, deferred.Denom); have.Amount.LT(deferred.Amount) {
		return errorsmod.Wrapf(sdkerrors.ErrInsufficientFunds, "%s holds %s, less than the %s deferred from it", payer, have, deferred)
	}
	return nil
}

// DeferredBy returns the shares payerModule's account holds until the end of
// the block: x/taskpool's escrow invariant adds them to the open escrows.
func (k Keeper) DeferredBy(ctx context.Context, payerModule string) (sdk.Coins, error) {
	total := sdk.NewCoins()
	rng := collections.NewPrefixedPairRange[string, string](payerModule)
	err := k.DeferredTotals.Walk(ctx, rng, func(key collections.Pair[string, string], amount sdkmath.Int) (bool, error) {
		total = total.Add(sdk.NewCoin(key.K2(), amount))
		return false, nil
	})
	return total, err
}

// sendDeferredShares sends every deferred share, each on its own branch of
// the store. A send that fails (none can while the payer holds its escrows,
// which the escrow invariant checks) is logged and its share kept, to be
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
			return k.removeShare(ctx, s)
		})
		if err != nil {
			k.Logger(ctx).Error("cannot send deferred share; trying again next block",
				"payer", s.PayerModule, "recipient", s.Recipient, "amount", s.Amount, "err", err)
		}
	}
	return nil
}

// removeShare takes a sent share out of the store: its entry (the community
// pool's has none) and its part of the payer's total.
func (k Keeper) removeShare(ctx context.Context, s types.DeferredShare) error {
	if s.Recipient != types.CommunityPoolRecipient {
		if err := k.DeferredShares.Remove(ctx, collections.Join3(s.PayerModule, s.Amount.Denom, s.Recipient)); err != nil {
			return err
		}
	}
	key := collections.Join(s.PayerModule, s.Amount.Denom)
	total, err := k.DeferredTotals.Get(ctx, key)
	if err != nil {
		return err
	}
	if left := total.Sub(s.Amount.Amount); left.IsPositive() {
		return k.DeferredTotals.Set(ctx, key, left)
	}
	return k.DeferredTotals.Remove(ctx, key)
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
// recipient), the community pool's among them, for EndBlock and genesis
// export.
func (k Keeper) deferredShares(ctx context.Context) ([]types.DeferredShare, error) {
	type payerDenom struct {
		key   collections.Pair[string, string]
		total sdkmath.Int
	}
	var totals []payerDenom
	err := k.DeferredTotals.Walk(ctx, nil, func(key collections.Pair[string, string], total sdkmath.Int) (bool, error) {
		totals = append(totals, payerDenom{key, total})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	var out []types.DeferredShare
	for _, t := range totals {
		shares, err := k.sharesOf(ctx, t.key.K1(), t.key.K2(), t.total)
		if err != nil {
			return nil, err
		}
		out = append(out, shares...)
	}
	return out, nil
}

// sharesOf lists what payer defers in denom, total in all, by recipient in
// key order: its DeferredShares entries and the community pool's share, the
// total less the entries.
func (k Keeper) sharesOf(ctx context.Context, payer, denom string, total sdkmath.Int) ([]types.DeferredShare, error) {
	var out []types.DeferredShare
	community := total
	rng := collections.NewSuperPrefixedTripleRange[string, string, string](payer, denom)
	err := k.DeferredShares.Walk(ctx, rng, func(key collections.Triple[string, string, string], amount sdkmath.Int) (bool, error) {
		community = community.Sub(amount)
		out = append(out, types.DeferredShare{PayerModule: payer, Recipient: key.K3(), Amount: sdk.NewCoin(denom, amount)})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if community.IsNegative() {
		return nil, errorsmod.Wrapf(types.ErrInvalidEscrow, "the shares %s defers in %s exceed its total %s", payer, denom, total)
	}
	if community.IsPositive() {
		i := sort.Search(len(out), func(i int) bool { return out[i].Recipient > types.CommunityPoolRecipient })
		out = slices.Insert(out, i, types.DeferredShare{
			PayerModule: payer, Recipient: types.CommunityPoolRecipient, Amount: sdk.NewCoin(denom, community),
		})
	}
	return out, nil
}

// importDeferredShares stores validated genesis deferred shares.
func (k Keeper) importDeferredShares(ctx context.Context, shares []types.DeferredShare) error {
	for _, s := range shares {
		if _, err := k.payerAddress(s.PayerModule); err != nil {
			return err
		}
		if s.Recipient != types.CommunityPoolRecipient {
			if err := k.deferShare(ctx, s.PayerModule, s.Amount.Denom, s.Recipient, s.Amount.Amount); err != nil {
				return err
			}
		}
		if _, err := k.addDeferredTotal(ctx, s.PayerModule, s.Amount.Denom, s.Amount.Amount); err != nil {
			return err
		}
	}
	return nil
}
