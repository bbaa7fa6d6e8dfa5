package modelregistry

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/cosmos/cosmos-sdk/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/modelregistry/types/modulev1"
)

func init() {
	appconfig.RegisterModule(&modulev1.Module{},
		appconfig.Provide(ProvideModule),
		appconfig.Invoke(InvokeSetIndependenceSources),
	)
}

// ModuleInputs are what x/modelregistry needs from the app.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Codec        codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	DistrKeeper   types.DistributionKeeper
	StakingKeeper types.StakingKeeper
}

// ModuleOutputs are what x/modelregistry gives the app.
type ModuleOutputs struct {
	depinject.Out

	Keeper keeper.Keeper
	Module appmodule.AppModule
}

// ProvideModule builds the keeper and the module; the authority defaults to x/gov.
func ProvideModule(in ModuleInputs) ModuleOutputs {
	authority := authtypes.NewModuleAddress(govtypes.ModuleName)
	if in.Config.Authority != "" {
		authority = authtypes.NewModuleAddressOrBech32Address(in.Config.Authority)
	}
	authorityStr, err := in.AddressCodec.BytesToString(authority)
	if err != nil {
		panic(err)
	}
	k := keeper.NewKeeper(in.Codec, in.StoreService, in.AddressCodec, in.DistrKeeper, in.StakingKeeper, authorityStr)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(in.Codec, k)}
}

// IndependenceInputs are x/rewards' and x/authz's keepers, which depinject
// finds as the provided types implementing the interfaces.
type IndependenceInputs struct {
	depinject.In
	Keeper keeper.Keeper
	Bonds  types.WorkerBonds `optional:"true"`
	Grants types.AuthzKeeper `optional:"true"`
}

// InvokeSetIndependenceSources hands x/rewards and x/authz to the keeper
// after every module is built (an Invoke runs after all providers), so that
// modules depending on this one can be depended on by it without a cycle.
func InvokeSetIndependenceSources(in IndependenceInputs) {
	in.Keeper.SetIndependenceSources(in.Bonds, in.Grants)
}
