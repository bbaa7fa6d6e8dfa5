// Package keeper is x/router: the entry point that routes a client's task to
// a pool and finds a worker its most profitable claim. It keeps no state of
// its own; the indexes it relies on belong to x/taskpool.
package keeper

import (
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/x/router/types"
)

// Keeper holds the router's collaborators.
type Keeper struct {
	addressCodec address.Codec
	taskpool     types.TaskPoolKeeper
	models       types.ModelRegistryKeeper
	rewards      types.RewardsKeeper
}

// NewKeeper builds the router keeper.
func NewKeeper(addressCodec address.Codec, taskpool types.TaskPoolKeeper, models types.ModelRegistryKeeper, rewards types.RewardsKeeper) Keeper {
	return Keeper{addressCodec: addressCodec, taskpool: taskpool, models: models, rewards: rewards}
}

// poolCreator is the creator of the pools RouteTask makes: the router's own
// module address, so that no client controls a pool it happened to open.
func poolCreator() sdk.AccAddress {
	return authtypes.NewModuleAddress(types.ModuleName)
}
