package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TaskPoolKeeper is the part of x/taskpool the router drives: it owns pools,
// tasks, workers and the indexes that make routing and best-task claims
// O(log n).
type TaskPoolKeeper interface {
	GetParams(ctx context.Context) (tptypes.Params, error)
	GetTask(ctx context.Context, id uint64) (tptypes.Task, error)
	GetWorker(ctx context.Context, addr sdk.AccAddress) (tptypes.Worker, error)
	CreatePool(ctx context.Context, creator sdk.AccAddress, name string, modelID uint64, claimTimeout time.Duration, minReputation int64) (uint64, error)
	SubmitTask(ctx context.Context, creator sdk.AccAddress, poolID uint64, input []byte, encoding tptypes.VectorEncoding, reward sdk.Coin, deadline time.Time) (uint64, error)
	SubmitPrivateTask(ctx context.Context, creator sdk.AccAddress, poolID uint64, commitment, selfCiphertext []byte, reward sdk.Coin, deadline time.Time) (uint64, error)
	ClaimTaskWithKey(ctx context.Context, worker sdk.AccAddress, poolID, taskID uint64, encryptionKey []byte) (uint64, error)
	// LeastLoadedPool returns the routable pool of a model (active, open to
	// every worker whatever its reputation) with the fewest open tasks (ties:
	// lowest id) whose claim timeout is shorter than ttl, within a bounded
	// walk; found is false when there is none within reach.
	LeastLoadedPool(ctx context.Context, modelID uint64, ttl time.Duration) (pool tptypes.Pool, found bool, err error)
	// HasRoutablePool reports whether a model has a routable pool at all.
	HasRoutablePool(ctx context.Context, modelID uint64) (bool, error)
	// BestOpenTask returns the claimable open task with the highest reward
	// (ties: oldest) in the pools, active or not, a worker of this reputation
	// may use, among the model versions and claim timeouts the filter allows,
	// with a bounded number of reads however many tasks other pools hold.
	BestOpenTask(ctx context.Context, want tptypes.ClaimFilter, reputation int64) (task tptypes.Task, found bool, err error)
	// CheckWorkerMayClaim reports why a worker may not claim anywhere now.
	CheckWorkerMayClaim(ctx context.Context, worker sdk.AccAddress) error
	// OpenTasksByReward pages through open tasks, highest reward first, of one
	// model or of any (modelID 0).
	OpenTasksByReward(ctx context.Context, modelID uint64, page *query.PageRequest) ([]tptypes.Task, *query.PageResponse, error)
	GetStats(ctx context.Context) (tptypes.Stats, error)
}

// ModelRegistryKeeper tells whether a model exists and takes tasks (active,
// and its current version's key setup finished and not retired).
type ModelRegistryKeeper interface {
	GetModel(ctx context.Context, id uint64) (mrtypes.Model, error)
	// GetModelVersion returns a version without its artifact (Artifact nil).
	GetModelVersion(ctx context.Context, id, version uint64) (mrtypes.ModelVersion, error)
}

// RewardsKeeper gives a worker's reputation.
type RewardsKeeper interface {
	Reputation(ctx context.Context, worker sdk.AccAddress) (int64, error)
}
