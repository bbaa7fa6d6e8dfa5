// Package keeper holds the state of x/modelregistry and its message and query servers.
package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// Keeper owns the models and their versions.
type Keeper struct {
	cdc           codec.BinaryCodec
	addressCodec  address.Codec
	distrKeeper   types.DistributionKeeper
	stakingKeeper types.StakingKeeper
	// authority is the address allowed to update params (x/gov by default).
	authority string
	// independence is set once, after x/rewards and x/authz exist; shared by
	// every copy of the keeper.
	independence *independenceSources

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	ModelSeq collections.Sequence
	Models   collections.Map[uint64, types.Model]
	// ModelsByOwner indexes models by owner, so that an owner's models are
	// listed and paginated without a scan. It is a plain key set rather than
	// an indexes.Multi because query pagination needs raw iteration.
	ModelsByOwner collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// Versions holds every version of every model, keyed by (model id, version),
	// without its artifact (the record keeps artifact_hash): every task and
	// result reads its version, and the KV store charges gas per byte read.
	// Write through setVersion.
	Versions collections.Map[collections.Pair[uint64, uint64], types.ModelVersion]
	// Artifacts holds each version's artifact bytes, keyed like Versions. Only
	// the queries and genesis export read them (ModelVersionWithArtifact).
	Artifacts collections.Map[collections.Pair[uint64, uint64], []byte]
	// Setups holds each version's multi-party setup, keyed like Versions.
	Setups collections.Map[collections.Pair[uint64, uint64], types.Setup]
	// SetupContributions holds the contributions of each setup by index.
	SetupContributions collections.Map[collections.Pair[collections.Pair[uint64, uint64], uint32], types.SetupContribution]
	// SetupContributors indexes who contributed to each setup, so that a
	// second contribution of one account is refused without a scan.
	SetupContributors collections.KeySet[collections.Pair[collections.Pair[uint64, uint64], sdk.AccAddress]]
}

// NewKeeper builds the keeper. It panics on an invalid authority, which is a
// wiring error caught at start-up.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	distrKeeper types.DistributionKeeper,
	stakingKeeper types.StakingKeeper,
	authority string,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid modelregistry authority address: %w", err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	versionKey := collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)
	k := Keeper{
		cdc:           cdc,
		addressCodec:  addressCodec,
		distrKeeper:   distrKeeper,
		stakingKeeper: stakingKeeper,
		authority:     authority,
		independence:  new(independenceSources),
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		ModelSeq:      collections.NewSequence(sb, types.ModelSeqKey, "model_seq"),
		Models:        collections.NewMap(sb, types.ModelsKey, "models", collections.Uint64Key, codec.CollValue[types.Model](cdc)),
		ModelsByOwner: collections.NewKeySet(sb, types.ModelsByOwnerKey, "models_by_owner",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions", versionKey,
			codec.CollValue[types.ModelVersion](cdc)),
		Artifacts: collections.NewMap(sb, types.ArtifactsKey, "artifacts", versionKey, collections.BytesValue),
		Setups:    collections.NewMap(sb, types.SetupsKey, "setups", versionKey, codec.CollValue[types.Setup](cdc)),
		SetupContributions: collections.NewMap(sb, types.SetupContributionsKey, "setup_contributions",
			collections.PairKeyCodec(versionKey, collections.Uint32Key), codec.CollValue[types.SetupContribution](cdc)),
		SetupContributors: collections.NewKeySet(sb, types.SetupContributorsKey, "setup_contributors",
			collections.PairKeyCodec(versionKey, sdk.AccAddressKey)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the address allowed to update params.
func (k Keeper) GetAuthority() string { return k.authority }

// GetModel returns a model, or ErrModelNotFound.
func (k Keeper) GetModel(ctx context.Context, id uint64) (types.Model, error) {
	m, err := k.Models.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return m, errorsmod.Wrapf(types.ErrModelNotFound, "model %d", id)
	}
	return m, err
}

// addModel stores a new model and indexes it under its owner.
func (k Keeper) addModel(ctx context.Context, m types.Model) error {
	owner, err := k.addressCodec.StringToBytes(m.Owner)
	if err != nil {
		return err
	}
	if err := k.ModelsByOwner.Set(ctx, collections.Join(sdk.AccAddress(owner), m.Id)); err != nil {
		return err
	}
	return k.Models.Set(ctx, m.Id, m)
}

// RecordTaskCompleted adds a verified result paid `reward` to the public
// statistics of a model and returns the model as stored. x/taskpool calls it
// when it settles a task, and takes the model owner from the model returned,
// so that a settlement reads the model once.
func (k Keeper) RecordTaskCompleted(ctx context.Context, id uint64, reward sdk.Coin) (types.Model, error) {
	m, err := k.GetModel(ctx, id)
	if err != nil {
		return m, err
	}
	m.TasksCompleted++
	m.VolumePaid = m.VolumePaid.Add(reward)
	return m, k.Models.Set(ctx, id, m)
}
