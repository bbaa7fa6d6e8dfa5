package taskpool

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/cosmos/cosmos-sdk/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/x/taskpool/types/modulev1"
	"github.com/hyra-network/hyra/zk/verifier"
)

func init() {
	appconfig.RegisterModule(&modulev1.Module{}, appconfig.Provide(ProvideModule))
}

// ModuleInputs are what x/taskpool needs from the app.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Codec        codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	BankKeeper          types.BankKeeper
	ModelRegistryKeeper types.ModelRegistryKeeper
	RewardsKeeper       types.RewardsKeeper
	DistrKeeper         types.DistributionKeeper
	// Verifier verifies result proofs; the app provides it and hands the
	// same one to its pre-verifiers.
	Verifier *verifier.Verifier
}

// ModuleOutputs are what x/taskpool gives the app.
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
		in.BankKeeper, in.DistrKeeper, in.ModelRegistryKeeper, in.RewardsKeeper, in.Verifier, authorityStr)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(in.Codec, k)}
}
