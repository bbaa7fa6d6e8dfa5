// Package keeper holds the state of x/rewards (worker bonds, reputation, the
// epoch reward pool) and the API that x/taskpool settles and penalises through.
package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// Keeper owns worker bonds, reputation and epoch rewards.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authKeeper   types.AccountKeeper
	bankKeeper   types.BankKeeper
	distrKeeper  types.DistributionKeeper
	// authority is the address allowed to update params (x/gov by default).
	authority string
	// claimTimeouts is set once, after x/taskpool's keeper exists; shared by
	// every copy of the keeper.
	claimTimeouts *types.ClaimTimeouts

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Bonds holds each worker's bond; a worker with nothing bonded or
	// unbonding has no entry.
	Bonds        collections.Map[sdk.AccAddress, types.Bond]
	UnbondingSeq collections.Sequence
	Unbondings   collections.Map[uint64, types.Unbonding]
	// UnbondingQueue orders unbondings by completion time, so that EndBlock
	// reads only those that are due.
	UnbondingQueue collections.KeySet[collections.Pair[time.Time, uint64]]
	// UnbondingsByWorker indexes unbondings by worker, for queries and slashes.
	UnbondingsByWorker collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// Reputations holds the score of every worker seen; others have
	// params.initial_reputation.
	Reputations collections.Map[sdk.AccAddress, int64]
	// Epoch is the reward epoch in progress.
	Epoch collections.Item[types.EpochState]
	// EpochWork holds verified work by (epoch, worker), for the epoch in
	// progress and for ended epochs still being paid out. Work is the
	// protocol fee, in the bond denom, that the worker's settled tasks paid.
	EpochWork collections.Map[collections.Pair[uint64, sdk.AccAddress], uint64]
	// PendingPayouts are ended epochs whose workers are not all paid yet.
	PendingPayouts collections.Map[uint64, types.PendingPayout]
	// DeferredShares sums the shares of the block's settlements that are sent
	// once, at the end of the block, by (payer module, denom, recipient), for
	// every recipient but the community pool: see deferred.go.
	DeferredShares collections.Map[collections.Triple[string, string, string], sdkmath.Int]
	// DeferredTotals is everything deferred from a payer module in a denom,
	// by (payer module, denom): its DeferredShares entries and its community
	// pool share, which is what the total holds beyond those entries.
	DeferredTotals collections.Map[collections.Pair[string, string], sdkmath.Int]
}

// NewKeeper builds the keeper. It panics on an invalid authority, which is a
// wiring error caught at start-up.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	authKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	distrKeeper types.DistributionKeeper,
	authority string,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid rewards authority address: %w", err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:           cdc,
		addressCodec:  addressCodec,
		authKeeper:    authKeeper,
		bankKeeper:    bankKeeper,
		distrKeeper:   distrKeeper,
		authority:     authority,
		claimTimeouts: new(types.ClaimTimeouts),
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Bonds:         collections.NewMap(sb, types.BondsKey, "bonds", sdk.AccAddressKey, codec.CollValue[types.Bond](cdc)),
		UnbondingSeq:  collections.NewSequence(sb, types.UnbondingSeqKey, "unbonding_seq"),
		Unbondings: collections.NewMap(sb, types.UnbondingsKey, "unbondings",
			collections.Uint64Key, codec.CollValue[types.Unbonding](cdc)),
		UnbondingQueue: collections.NewKeySet(sb, types.UnbondingQueueKey, "unbonding_queue",
			// The queue's keys are in state: moving to collections.TimeKey changes their bytes and
			// needs a store migration, so the deprecated codec stays until one is written.
			collections.PairKeyCodec(sdk.TimeKey, collections.Uint64Key)), //nolint:staticcheck // SA1019, see above
		UnbondingsByWorker: collections.NewKeySet(sb, types.UnbondingsByWorkerKey, "unbondings_by_worker",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		Reputations: collections.NewMap(sb, types.ReputationsKey, "reputations", sdk.AccAddressKey, collections.Int64Value),
		Epoch:       collections.NewItem(sb, types.EpochKey, "epoch", codec.CollValue[types.EpochState](cdc)),
		EpochWork: collections.NewMap(sb, types.EpochWorkKey, "epoch_work",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Value),
		PendingPayouts: collections.NewMap(sb, types.PendingPayoutsKey, "pending_payouts",
			collections.Uint64Key, codec.CollValue[types.PendingPayout](cdc)),
		DeferredShares: collections.NewMap(sb, types.DeferredSharesKey, "deferred_shares",
			collections.TripleKeyCodec(collections.StringKey, collections.StringKey, collections.StringKey), sdk.IntValue),
		DeferredTotals: collections.NewMap(sb, types.DeferredTotalsKey, "deferred_totals",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), sdk.IntValue),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetClaimTimeouts gives the keeper x/taskpool's claim timeouts, against
// which every change of unbonding_period is checked. An app without
// x/taskpool never sets it, and then has no claims to outlast.
func (k Keeper) SetClaimTimeouts(c types.ClaimTimeouts) { *k.claimTimeouts = c }

// UnbondingPeriod is how long an unbonding takes; x/taskpool checks its claim
// timeouts against it.
func (k Keeper) UnbondingPeriod(ctx context.Context) (time.Duration, error) {
	p, err := k.Params.Get(ctx)
	return p.UnbondingPeriod, err
}

// checkUnbondingOutlastsClaims checks an unbonding period against x/taskpool's
// longest claim timeout.
func (k Keeper) checkUnbondingOutlastsClaims(ctx context.Context, unbondingPeriod time.Duration) error {
	if *k.claimTimeouts == nil {
		return nil
	}
	longest, err := (*k.claimTimeouts).LongestClaimTimeout(ctx)
	if err != nil {
		return err
	}
	return types.CheckUnbondingOutlastsClaims(unbondingPeriod, longest)
}

// GetAuthority returns the address allowed to update params.
func (k Keeper) GetAuthority() string { return k.authority }

// Logger returns the module's logger.
func (k Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}

// atomically runs fn in a branch of the store and keeps its writes and events
// only if it succeeds, so that a failure half-way leaves no trace. The keeper
// API is called from other modules' EndBlockers, where no transaction would
// roll a partial write back.
func atomically(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cacheCtx, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cacheCtx); err != nil {
		return err
	}
	write()
	return nil
}
