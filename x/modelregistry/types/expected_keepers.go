package types

import (
	"context"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccountKeeper gives the address codec of the chain.
type AccountKeeper interface {
	AddressCodec() address.Codec
}

// DistributionKeeper receives registration fees into the community pool.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// StakingKeeper tells the chain's native denom, the only one prices may use.
type StakingKeeper interface {
	BondDenom(ctx context.Context) (string, error)
}
