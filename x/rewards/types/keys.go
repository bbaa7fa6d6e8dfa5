// Package types holds x/rewards's messages, params, genesis, errors, typed events and
// store keys: what its keeper, its clients and other modules share.
package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, its store key and its route.
	ModuleName = "rewards"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// BondPoolName is the module account that holds worker bonds, bonded and
	// unbonding alike, so that a slash can reach coins that are unbonding.
	BondPoolName = "rewards_bonds"
	// RewardPoolName is the module account that holds the epoch reward pool,
	// apart from bonds so that a payout can never spend a bond.
	RewardPoolName = "rewards_pool"
	// CommunityPoolRecipient names the community pool as the recipient of a
	// DeferredShare (a model owner is named by its address, which never
	// looks like this).
	CommunityPoolRecipient = "community_pool"
)

// Store prefixes of the module's collections.
var (
	ParamsKey             = collections.NewPrefix(0)
	BondsKey              = collections.NewPrefix(1)
	UnbondingSeqKey       = collections.NewPrefix(2)
	UnbondingsKey         = collections.NewPrefix(3)
	UnbondingQueueKey     = collections.NewPrefix(4)
	UnbondingsByWorkerKey = collections.NewPrefix(5)
	ReputationsKey        = collections.NewPrefix(6)
	EpochKey              = collections.NewPrefix(7)
	EpochWorkKey          = collections.NewPrefix(8)
	PendingPayoutsKey     = collections.NewPrefix(9)
	DeferredSharesKey     = collections.NewPrefix(10)
	DeferredTotalsKey     = collections.NewPrefix(11)
)
