package types

import (
	"context"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// AccountKeeper gives the address codec of the chain.
type AccountKeeper interface {
	AddressCodec() address.Codec
}

// DistributionKeeper receives registration fees into the community pool.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// StakingKeeper tells the chain's native denom, the only one prices may use,
// and the validators: a bonded validator's operator counts as independent of
// a model's owner in its key setup.
type StakingKeeper interface {
	BondDenom(ctx context.Context) (string, error)
	GetValidator(ctx context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error)
}

// WorkerBonds is x/rewards seen from here: a worker bonded at least
// min_worker_bond with enough reputation counts as independent of a model's
// owner. x/rewards is built after this module, so it is set by a depinject
// Invoke (SetIndependenceSources).
type WorkerBonds interface {
	// CheckMinBond fails unless the worker has at least min_worker_bond bonded.
	CheckMinBond(ctx context.Context, worker sdk.AccAddress) error
	Reputation(ctx context.Context, worker sdk.AccAddress) (int64, error)
}

// AuthzKeeper lists the grants between two accounts: an account that holds a
// grant from the owner, or has given one to it, is not independent of it.
type AuthzKeeper interface {
	GetAuthorizations(ctx context.Context, grantee, granter sdk.AccAddress) ([]authz.Authorization, error)
}
