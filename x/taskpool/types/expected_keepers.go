package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
)

// BankKeeper moves rewards into and out of the escrow module account.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, sender sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipient sdk.AccAddress, amt sdk.Coins) error
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	BlockedAddr(addr sdk.AccAddress) bool
}

// DistributionKeeper receives pool creation fees into the community pool.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// ModelRegistryKeeper tells which models exist, their price and schema, and
// the verifying key of each version; it keeps per-model statistics.
type ModelRegistryKeeper interface {
	GetModel(ctx context.Context, id uint64) (mrtypes.Model, error)
	// GetModelVersion returns a version without its artifact (Artifact nil,
	// ArtifactHash set): tasks and results never need the weights, and
	// reading them would cost gas per byte.
	GetModelVersion(ctx context.Context, id, version uint64) (mrtypes.ModelVersion, error)
	// RecordTaskCompleted counts a settled task paid reward into the
	// model's statistics and returns the model as stored.
	RecordTaskCompleted(ctx context.Context, id uint64, reward sdk.Coin) (mrtypes.Model, error)
}

// RewardsKeeper owns worker bonds and reputation and splits a settled
// task's escrow between the worker, the model owner and the protocol.
type RewardsKeeper interface {
	// CheckMinBond fails unless the worker has bonded at least min_worker_bond.
	CheckMinBond(ctx context.Context, worker sdk.AccAddress) error
	// Reputation is the worker's current reputation score.
	Reputation(ctx context.Context, worker sdk.AccAddress) (int64, error)
	// SettleTask splits escrow, held by payerModule's account, and returns the
	// worker's share.
	SettleTask(ctx context.Context, payerModule string, taskID uint64, worker, modelOwner sdk.AccAddress, escrow sdk.Coin) (sdk.Coin, error)
	// DeferredBy returns the shares of settled escrows that payerModule's
	// account holds until the end of the block, when x/rewards sends them.
	DeferredBy(ctx context.Context, payerModule string) (sdk.Coins, error)
	// PenalizeTimeout slashes the worker's bond and lowers its reputation.
	PenalizeTimeout(ctx context.Context, taskID uint64, worker sdk.AccAddress) error
	// PenalizeRelease lowers the reputation of a worker that gave a claim
	// back, by less than a timeout costs, and returns the new reputation.
	PenalizeRelease(ctx context.Context, worker sdk.AccAddress) (int64, error)
	// UnbondingPeriod is how long an unbonding takes; max_claim_timeout must
	// stay below it.
	UnbondingPeriod(ctx context.Context) (time.Duration, error)
}
