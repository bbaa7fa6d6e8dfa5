// Package types holds x/taskpool's messages, params, genesis, errors, typed events and
// store keys: what its keeper, its clients and other modules share.
package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, its store key, its route and its
	// module account, which holds the escrowed rewards.
	ModuleName = "taskpool"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes of the module's collections.
var (
	ParamsKey            = collections.NewPrefix(0)
	PoolSeqKey           = collections.NewPrefix(1)
	PoolsKey             = collections.NewPrefix(2)
	PoolsByModelKey      = collections.NewPrefix(3)
	TaskSeqKey           = collections.NewPrefix(4)
	TasksKey             = collections.NewPrefix(5)
	TasksByPoolStatusKey = collections.NewPrefix(6)
	TasksByStatusKey     = collections.NewPrefix(7)
	TasksByCreatorKey    = collections.NewPrefix(8)
	ClaimQueueKey        = collections.NewPrefix(9)
	DeadlineQueueKey     = collections.NewPrefix(10)
	WorkersKey           = collections.NewPrefix(11)
	StatsKey             = collections.NewPrefix(12)
	PoolsByLoadKey       = collections.NewPrefix(13)
	OpenByRewardKey      = collections.NewPrefix(14)
	OpenByModelRewardKey = collections.NewPrefix(15)
	OpenByBucketKey      = collections.NewPrefix(16)
	OpenByModelBucketKey = collections.NewPrefix(17)
	OpenByVersionKey     = collections.NewPrefix(18)
	OutageClockKey       = collections.NewPrefix(19)
)
