// Package types holds x/modelregistry's messages, params, genesis, errors, typed events and
// store keys: what its keeper, its clients and other modules share.
package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the module, its store key and its route.
	ModuleName = "modelregistry"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes of the module's collections.
var (
	ParamsKey        = collections.NewPrefix(0)
	ModelSeqKey      = collections.NewPrefix(1)
	ModelsKey        = collections.NewPrefix(2)
	ModelsByOwnerKey = collections.NewPrefix(3)
	VersionsKey      = collections.NewPrefix(4)
)

// Store prefixes of the multi-party setups.
var (
	SetupsKey             = collections.NewPrefix(5)
	SetupContributionsKey = collections.NewPrefix(6)
	SetupContributorsKey  = collections.NewPrefix(7)
)

// ArtifactsKey prefixes the versions' artifacts, stored apart from the rest of
// each version (VersionsKey) so that the paths that run per task and per
// result read the verifying key and schema without the artifact's bytes.
var ArtifactsKey = collections.NewPrefix(8)
