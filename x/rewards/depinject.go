package rewards

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/cosmos/cosmos-sdk/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/hyra-network/hyra/x/rewards/keeper"
	"github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/rewards/types/modulev1"
)

func init() {
	appconfig.RegisterModule(&modulev1.Module{},
		appconfig.Provide(ProvideModule),
		appconfig.Invoke(InvokeSetClaimTimeouts),
	)
}

// ModuleInputs are what x/rewards needs from the app.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Codec        codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	AccountKeeper types.AccountKeeper
	BankKeeper    types.BankKeeper
	DistrKeeper   types.DistributionKeeper
}

// ModuleOutputs are what x/rewards gives the app.
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
	k := keeper.NewKeeper(in.Codec, in.StoreService, in.AddressCodec,
		in.AccountKeeper, in.BankKeeper, in.DistrKeeper, authorityStr)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(in.Codec, k)}
}

// ClaimTimeoutsInputs is x/taskpool's keeper, which depinject finds as the one
// provided type implementing types.ClaimTimeouts.
type ClaimTimeoutsInputs struct {
	depinject.In
	Keeper        keeper.Keeper
	ClaimTimeouts types.ClaimTimeouts `optional:"true"`
}

// InvokeSetClaimTimeouts hands x/taskpool's claim timeouts to the rewards
// keeper after every module is built: an Invoke runs after all providers, so
// x/taskpool can depend on x/rewards without a cycle.
func InvokeSetClaimTimeouts(in ClaimTimeoutsInputs) {
	if in.ClaimTimeouts != nil {
		in.Keeper.SetClaimTimeouts(in.ClaimTimeouts)
	}
}
