package router

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/hyra-network/hyra/x/router/keeper"
	"github.com/hyra-network/hyra/x/router/types"
	"github.com/hyra-network/hyra/x/router/types/modulev1"
)

func init() {
	appconfig.RegisterModule(&modulev1.Module{}, appconfig.Provide(ProvideModule))
}

// ModuleInputs are what x/router needs from the app.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	AddressCodec address.Codec

	TaskPoolKeeper      types.TaskPoolKeeper
	ModelRegistryKeeper types.ModelRegistryKeeper
	RewardsKeeper       types.RewardsKeeper
}

// ModuleOutputs are what x/router gives the app.
type ModuleOutputs struct {
	depinject.Out

	Keeper keeper.Keeper
	Module appmodule.AppModule
}

// ProvideModule builds the keeper and the module.
func ProvideModule(in ModuleInputs) ModuleOutputs {
	k := keeper.NewKeeper(in.AddressCodec, in.TaskPoolKeeper, in.ModelRegistryKeeper, in.RewardsKeeper)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(k)}
}
