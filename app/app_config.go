package app

import (
	runtimev1alpha1 "cosmossdk.io/api/cosmos/app/runtime/v1alpha1"
	appv1alpha1 "cosmossdk.io/api/cosmos/app/v1alpha1"
	authmodulev1 "cosmossdk.io/api/cosmos/auth/module/v1"
	authzmodulev1 "cosmossdk.io/api/cosmos/authz/module/v1"
	bankmodulev1 "cosmossdk.io/api/cosmos/bank/module/v1"
	consensusmodulev1 "cosmossdk.io/api/cosmos/consensus/module/v1"
	distrmodulev1 "cosmossdk.io/api/cosmos/distribution/module/v1"
	evidencemodulev1 "cosmossdk.io/api/cosmos/evidence/module/v1"
	feegrantmodulev1 "cosmossdk.io/api/cosmos/feegrant/module/v1"
	genutilmodulev1 "cosmossdk.io/api/cosmos/genutil/module/v1"
	govmodulev1 "cosmossdk.io/api/cosmos/gov/module/v1"
	mintmodulev1 "cosmossdk.io/api/cosmos/mint/module/v1"
	slashingmodulev1 "cosmossdk.io/api/cosmos/slashing/module/v1"
	stakingmodulev1 "cosmossdk.io/api/cosmos/staking/module/v1"
	txconfigv1 "cosmossdk.io/api/cosmos/tx/config/v1"
	upgrademodulev1 "cosmossdk.io/api/cosmos/upgrade/module/v1"
	"cosmossdk.io/depinject/appconfig"
	_ "cosmossdk.io/x/evidence" // import for side-effects
	evidencetypes "cosmossdk.io/x/evidence/types"
	"cosmossdk.io/x/feegrant"
	_ "cosmossdk.io/x/feegrant/module" // import for side-effects
	_ "cosmossdk.io/x/upgrade"         // import for side-effects
	upgradetypes "cosmossdk.io/x/upgrade/types"

	"github.com/cosmos/cosmos-sdk/runtime"
	_ "github.com/cosmos/cosmos-sdk/x/auth"           // import for side-effects
	_ "github.com/cosmos/cosmos-sdk/x/auth/tx/config" // import for side-effects
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	_ "github.com/cosmos/cosmos-sdk/x/authz/module" // import for side-effects
	_ "github.com/cosmos/cosmos-sdk/x/bank"         // import for side-effects
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	_ "github.com/cosmos/cosmos-sdk/x/consensus" // import for side-effects
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	_ "github.com/cosmos/cosmos-sdk/x/distribution" // import for side-effects
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	_ "github.com/cosmos/cosmos-sdk/x/mint" // import for side-effects
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	_ "github.com/cosmos/cosmos-sdk/x/slashing" // import for side-effects
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	_ "github.com/cosmos/cosmos-sdk/x/staking" // import for side-effects
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	_ "github.com/hyra-network/hyra/x/modelregistry" // import for side-effects
	modelregistrytypes "github.com/hyra-network/hyra/x/modelregistry/types"
	modelregistrymodulev1 "github.com/hyra-network/hyra/x/modelregistry/types/modulev1"
	_ "github.com/hyra-network/hyra/x/rewards" // import for side-effects
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	rewardsmodulev1 "github.com/hyra-network/hyra/x/rewards/types/modulev1"
	_ "github.com/hyra-network/hyra/x/router" // import for side-effects
	routertypes "github.com/hyra-network/hyra/x/router/types"
	routermodulev1 "github.com/hyra-network/hyra/x/router/types/modulev1"
	_ "github.com/hyra-network/hyra/x/taskpool" // import for side-effects
	taskpooltypes "github.com/hyra-network/hyra/x/taskpool/types"
	taskpoolmodulev1 "github.com/hyra-network/hyra/x/taskpool/types/modulev1"
)

// moduleAccPerms lists every module account and what it may do with coins.
var moduleAccPerms = []*authmodulev1.ModuleAccountPermission{
	{Account: authtypes.FeeCollectorName},
	{Account: distrtypes.ModuleName},
	{Account: minttypes.ModuleName, Permissions: []string{authtypes.Minter}},
	{Account: stakingtypes.BondedPoolName, Permissions: []string{authtypes.Burner, stakingtypes.ModuleName}},
	{Account: stakingtypes.NotBondedPoolName, Permissions: []string{authtypes.Burner, stakingtypes.ModuleName}},
	{Account: govtypes.ModuleName, Permissions: []string{authtypes.Burner}},
	// x/rewards holds worker bonds and the epoch reward pool; it only sends.
	{Account: rewardstypes.BondPoolName},
	{Account: rewardstypes.RewardPoolName},
	// x/taskpool escrows task rewards; it only sends.
	{Account: taskpooltypes.ModuleName},
}

// blockAccAddrs are module accounts that may not receive plain bank sends:
// coins sent there by mistake would be stranded or would break an invariant
// (escrow balance == sum of escrows).
var blockAccAddrs = []string{
	authtypes.FeeCollectorName,
	distrtypes.ModuleName,
	minttypes.ModuleName,
	stakingtypes.BondedPoolName,
	stakingtypes.NotBondedPoolName,
	rewardstypes.BondPoolName,
	rewardstypes.RewardPoolName,
	taskpooltypes.ModuleName,
}

// appConfig declares the modules of hyrad and their order of execution.
var appConfig = appconfig.Compose(&appv1alpha1.Config{
	Modules: []*appv1alpha1.ModuleConfig{
		{
			Name: runtime.ModuleName,
			Config: appconfig.WrapAny(&runtimev1alpha1.Module{
				AppName:     AppName,
				PreBlockers: []string{upgradetypes.ModuleName, authtypes.ModuleName},
				// Slashing runs after distribution so that there is nothing left
				// in the validator fee pool when a validator is slashed.
				BeginBlockers: []string{
					minttypes.ModuleName,
					distrtypes.ModuleName,
					slashingtypes.ModuleName,
					evidencetypes.ModuleName,
					stakingtypes.ModuleName,
					authz.ModuleName,
				},
				EndBlockers: []string{
					govtypes.ModuleName,
					stakingtypes.ModuleName,
					feegrant.ModuleName,
					// taskpool before rewards: a lapsed claim's penalty
					// reaches bond whose unbonding ends in the same block.
					taskpooltypes.ModuleName,
					rewardstypes.ModuleName,
				},
				OverrideStoreKeys: []*runtimev1alpha1.StoreKeyConfig{
					{ModuleName: authtypes.ModuleName, KvStoreKey: "acc"},
				},
				// genutil runs after staking so that pools hold the genesis
				// tokens, and after auth so that it can read auth params.
				InitGenesis: []string{
					authtypes.ModuleName,
					banktypes.ModuleName,
					distrtypes.ModuleName,
					stakingtypes.ModuleName,
					slashingtypes.ModuleName,
					govtypes.ModuleName,
					minttypes.ModuleName,
					genutiltypes.ModuleName,
					evidencetypes.ModuleName,
					authz.ModuleName,
					feegrant.ModuleName,
					upgradetypes.ModuleName,
					consensustypes.ModuleName,
					modelregistrytypes.ModuleName,
					// after bank, which holds the pools' genesis balances
					rewardstypes.ModuleName,
					taskpooltypes.ModuleName,
				},
			}),
		},
		{
			Name: authtypes.ModuleName,
			Config: appconfig.WrapAny(&authmodulev1.Module{
				Bech32Prefix:             Bech32Prefix,
				ModuleAccountPermissions: moduleAccPerms,
				// Unordered transactions (ADR-070): a worker or client that
				// sends many transactions from one key at once, or from
				// several processes, need not wait for each to fix the next
				// one's sequence. The SDK's defaults apply: a timeout at most
				// 10 minutes after the block time, 2,240 gas for the nonce,
				// which x/auth's PreBlocker (listed above) removes once expired.
				EnableUnorderedTransactions: true,
			}),
		},
		{
			Name:   banktypes.ModuleName,
			Config: appconfig.WrapAny(&bankmodulev1.Module{BlockedModuleAccountsOverride: blockAccAddrs}),
		},
		{
			Name: stakingtypes.ModuleName,
			Config: appconfig.WrapAny(&stakingmodulev1.Module{
				Bech32PrefixValidator: Bech32Prefix + "valoper",
				Bech32PrefixConsensus: Bech32Prefix + "valcons",
			}),
		},
		{Name: slashingtypes.ModuleName, Config: appconfig.WrapAny(&slashingmodulev1.Module{})},
		{Name: "tx", Config: appconfig.WrapAny(&txconfigv1.Config{})},
		{Name: genutiltypes.ModuleName, Config: appconfig.WrapAny(&genutilmodulev1.Module{})},
		{Name: authz.ModuleName, Config: appconfig.WrapAny(&authzmodulev1.Module{})},
		{Name: upgradetypes.ModuleName, Config: appconfig.WrapAny(&upgrademodulev1.Module{})},
		{Name: distrtypes.ModuleName, Config: appconfig.WrapAny(&distrmodulev1.Module{})},
		{Name: evidencetypes.ModuleName, Config: appconfig.WrapAny(&evidencemodulev1.Module{})},
		{Name: minttypes.ModuleName, Config: appconfig.WrapAny(&mintmodulev1.Module{})},
		{Name: feegrant.ModuleName, Config: appconfig.WrapAny(&feegrantmodulev1.Module{})},
		{Name: govtypes.ModuleName, Config: appconfig.WrapAny(&govmodulev1.Module{})},
		{Name: consensustypes.ModuleName, Config: appconfig.WrapAny(&consensusmodulev1.Module{})},
		{Name: modelregistrytypes.ModuleName, Config: appconfig.WrapAny(&modelregistrymodulev1.Module{})},
		{Name: rewardstypes.ModuleName, Config: appconfig.WrapAny(&rewardsmodulev1.Module{})},
		{Name: taskpooltypes.ModuleName, Config: appconfig.WrapAny(&taskpoolmodulev1.Module{})},
		{Name: routertypes.ModuleName, Config: appconfig.WrapAny(&routermodulev1.Module{})},
	},
})
