// Package keeper holds the state of x/taskpool (pools, escrowed tasks,
// workers, and the indexes and expiry queues over them) and its message and
// query servers.
package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Keeper owns pools, tasks and workers, and the escrow of open tasks.
type Keeper struct {
	cdc           codec.BinaryCodec
	addressCodec  address.Codec
	bankKeeper    types.BankKeeper
	distrKeeper   types.DistributionKeeper
	modelKeeper   types.ModelRegistryKeeper
	rewardsKeeper types.RewardsKeeper
	// proofs verifies results; the app builds it and shares it with the
	// pre-verifiers (app/preverify), whose verified proofs it then finds in
	// its cache.
	proofs *verifier.Verifier
	// authority is the address allowed to update params (x/gov by default).
	authority string

	Schema collections.Schema
	Params collections.Item[types.Params]

	PoolSeq collections.Sequence
	Pools   collections.Map[uint64, types.Pool]
	// PoolsByModel indexes pools by model: (model id, pool id).
	PoolsByModel collections.KeySet[collections.Pair[uint64, uint64]]
	// PoolsByLoad indexes routable pools (types.Pool.Routable: active, open
	// to every worker) by (model id, open tasks, pool id): the first key of a
	// model is its least-loaded routable pool, ties to the lowest id. Pools
	// that some workers may not use are left out, so that they never
	// capture a routed task, and routing stays one seek.
	PoolsByLoad collections.KeySet[collections.Triple[uint64, uint64, uint64]]

	TaskSeq collections.Sequence
	Tasks   collections.Map[uint64, types.Task]
	// TasksByPoolStatus indexes tasks by (pool id, status, task id). Its
	// (pool, OPEN) range is the pool's open-task index: task ids grow with
	// time, so the first key is the oldest open task and a claim costs one
	// seek, never a scan. It also serves the pool filters of the Tasks query.
	TasksByPoolStatus collections.KeySet[collections.Triple[uint64, int32, uint64]]
	// TasksByStatus indexes tasks by (status, task id) for the status filter.
	TasksByStatus collections.KeySet[collections.Pair[int32, uint64]]
	// OpenByReward indexes OPEN tasks by (reward key, task id), and
	// OpenByModelReward by (model id, reward key, task id). The reward key
	// sorts the highest reward first, ties to the oldest task. They list
	// open tasks in reward order (the AvailableTasks query).
	OpenByReward      collections.KeySet[collections.Pair[[]byte, uint64]]
	OpenByModelReward collections.KeySet[collections.Triple[uint64, []byte, uint64]]
	// OpenByBucket indexes OPEN tasks by (reputation bucket of their pool's
	// minimum, reward key, task id), and OpenByModelBucket by (model id,
	// bucket, reward key, task id), so that a best-task claim seeks the best
	// task of each bucket a worker may use instead of walking past the tasks
	// of pools it may not use (see BestOpenTask). A private task's bucket is
	// apart from the public ones (openBucket), so that a claim without an
	// encryption key never walks over private tasks.
	OpenByBucket      collections.KeySet[collections.Triple[uint16, []byte, uint64]]
	OpenByModelBucket collections.KeySet[collections.Quad[uint64, uint16, []byte, uint64]]
	// OpenByVersion indexes OPEN tasks by (model id, model version, bucket,
	// (reward key, task id)), so that a worker that can prove only some
	// versions of a model seeks the best task of each of those versions
	// instead of walking past the tasks of the others.
	OpenByVersion collections.KeySet[collections.Quad[uint64, uint64, uint16, collections.Pair[[]byte, uint64]]]
	// TasksByCreator indexes tasks by (creator, task id).
	TasksByCreator collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// ClaimQueue holds (claim expiry in unix nanoseconds, task id) for every
	// CLAIMED task; DeadlineQueue holds (deadline, task id) for every OPEN or
	// CLAIMED task. EndBlock walks both in time order up to the block time.
	ClaimQueue    collections.KeySet[collections.Pair[int64, uint64]]
	DeadlineQueue collections.KeySet[collections.Pair[int64, uint64]]

	Workers collections.Map[sdk.AccAddress, types.Worker]
	// Stats are the network-wide counters, derived from the state above.
	Stats collections.Item[types.Stats]
	// OutageClock counts the time the chain was halted, which claims do not
	// pay for (see outage.go).
	OutageClock collections.Item[types.OutageClock]
}

// NewKeeper builds the keeper. It panics on an invalid authority, which is a
// wiring error caught at start-up.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	addressCodec address.Codec,
	bankKeeper types.BankKeeper,
	distrKeeper types.DistributionKeeper,
	modelKeeper types.ModelRegistryKeeper,
	rewardsKeeper types.RewardsKeeper,
	proofs *verifier.Verifier,
	authority string,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid taskpool authority address: %w", err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	timeQueue := collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)
	k := Keeper{
		cdc:           cdc,
		addressCodec:  addressCodec,
		bankKeeper:    bankKeeper,
		distrKeeper:   distrKeeper,
		modelKeeper:   modelKeeper,
		rewardsKeeper: rewardsKeeper,
		proofs:        proofs,
		authority:     authority,
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		PoolSeq:       collections.NewSequence(sb, types.PoolSeqKey, "pool_seq"),
		Pools:         collections.NewMap(sb, types.PoolsKey, "pools", collections.Uint64Key, codec.CollValue[types.Pool](cdc)),
		PoolsByModel: collections.NewKeySet(sb, types.PoolsByModelKey, "pools_by_model",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		PoolsByLoad: collections.NewKeySet(sb, types.PoolsByLoadKey, "pools_by_load",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.Uint64Key)),
		TaskSeq: collections.NewSequence(sb, types.TaskSeqKey, "task_seq"),
		Tasks:   collections.NewMap(sb, types.TasksKey, "tasks", collections.Uint64Key, codec.CollValue[types.Task](cdc)),
		TasksByPoolStatus: collections.NewKeySet(sb, types.TasksByPoolStatusKey, "tasks_by_pool_status",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Int32Key, collections.Uint64Key)),
		TasksByStatus: collections.NewKeySet(sb, types.TasksByStatusKey, "tasks_by_status",
			collections.PairKeyCodec(collections.Int32Key, collections.Uint64Key)),
		OpenByReward: collections.NewKeySet(sb, types.OpenByRewardKey, "open_by_reward",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key)),
		OpenByModelReward: collections.NewKeySet(sb, types.OpenByModelRewardKey, "open_by_model_reward",
			collections.TripleKeyCodec(collections.Uint64Key, collections.BytesKey, collections.Uint64Key)),
		OpenByBucket: collections.NewKeySet(sb, types.OpenByBucketKey, "open_by_bucket",
			collections.TripleKeyCodec(collections.Uint16Key, collections.BytesKey, collections.Uint64Key)),
		OpenByModelBucket: collections.NewKeySet(sb, types.OpenByModelBucketKey, "open_by_model_bucket",
			collections.QuadKeyCodec(collections.Uint64Key, collections.Uint16Key, collections.BytesKey, collections.Uint64Key)),
		OpenByVersion: collections.NewKeySet(sb, types.OpenByVersionKey, "open_by_version",
			collections.QuadKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.Uint16Key,
				collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key))),
		TasksByCreator: collections.NewKeySet(sb, types.TasksByCreatorKey, "tasks_by_creator",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		ClaimQueue:    collections.NewKeySet(sb, types.ClaimQueueKey, "claim_queue", timeQueue),
		DeadlineQueue: collections.NewKeySet(sb, types.DeadlineQueueKey, "deadline_queue", timeQueue),
		Workers:       collections.NewMap(sb, types.WorkersKey, "workers", sdk.AccAddressKey, codec.CollValue[types.Worker](cdc)),
		Stats:         collections.NewItem(sb, types.StatsKey, "stats", codec.CollValue[types.Stats](cdc)),
		OutageClock:   collections.NewItem(sb, types.OutageClockKey, "outage_clock", codec.CollValue[types.OutageClock](cdc)),
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

// Logger returns the module's logger.
func (k Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}

// GetPool returns a pool, or ErrPoolNotFound.
func (k Keeper) GetPool(ctx context.Context, id uint64) (types.Pool, error) {
	p, err := k.Pools.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return p, errorsmod.Wrapf(types.ErrPoolNotFound, "pool %d", id)
	}
	return p, err
}

// GetTask returns a task, or ErrTaskNotFound.
func (k Keeper) GetTask(ctx context.Context, id uint64) (types.Task, error) {
	t, err := k.Tasks.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return t, errorsmod.Wrapf(types.ErrTaskNotFound, "task %d", id)
	}
	return t, err
}

// GetWorker returns a worker record, or ErrWorkerNotFound.
func (k Keeper) GetWorker(ctx context.Context, addr sdk.AccAddress) (types.Worker, error) {
	w, err := k.Workers.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return w, errorsmod.Wrapf(types.ErrWorkerNotFound, "%s", addr)
	}
	return w, err
}
