package sim

import (
	"io"
	"slices"
	"time"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/app"
)

// genesisTime is fixed so that two runs of a seed are identical.
var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// simApp is the real app whose simulation manager also holds the Hyra
// operations (see hyraOps), which need the worker's prover.
type simApp struct {
	*app.App
	sm *module.SimulationManager
}

// SimulationManager returns the app's simulation manager plus hyraOps.
func (a *simApp) SimulationManager() *module.SimulationManager { return a.sm }

// newSimApp has the signature simsx expects of an app constructor.
func newSimApp(
	logger log.Logger,
	db dbm.DB,
	traceStore io.Writer,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *simApp {
	// Sync pruning: with the default async pruning every IAVL tree keeps a
	// goroutine that nothing stops (BaseApp.Close does not close the
	// stores), which keeps each finished run's whole database in memory.
	opts := append([]func(*baseapp.BaseApp){baseapp.SetIAVLSyncPruning(true)}, baseAppOptions...)
	a, err := app.New(logger, db, traceStore, loadLatest, appOpts, opts...)
	if err != nil {
		panic(err)
	}
	// hyrad has no x/auth/vesting, so genesis accounts are base accounts.
	overrides := map[string]module.AppModuleSimulation{
		authtypes.ModuleName: auth.NewAppModule(a.AppCodec(), a.AccountKeeper, baseAccounts, nil),
	}
	base := module.NewSimulationManagerFromAppModules(a.ModuleManager.Modules, overrides)
	sm := module.NewSimulationManager(append(slices.Clone(base.Modules), newHyraOps(a))...)
	sm.StoreDecoders = a.SimulationManager().StoreDecoders
	return &simApp{App: a, sm: sm}
}

// baseAccounts makes every sim account a base account.
func baseAccounts(simState *module.SimulationState) authtypes.GenesisAccounts {
	accs := make(authtypes.GenesisAccounts, len(simState.Accounts))
	for i, acc := range simState.Accounts {
		accs[i] = authtypes.NewBaseAccountWithAddress(acc.Address)
	}
	return accs
}

// stateFactory gives simsx the genesis generator, the accounts and balances
// of the app, and the module accounts no sim account may be.
func stateFactory(a *simApp) simsx.SimStateFactory {
	return simsx.SimStateFactory{
		Codec:         a.AppCodec(),
		AppStateFn:    simtestutil.AppStateFn(a.AppCodec(), a.SimulationManager(), a.DefaultGenesis()),
		BlockedAddr:   a.BankKeeper.GetBlockedAddresses(),
		AccountSource: a.AccountKeeper,
		BalanceSource: a.BankKeeper,
	}
}

// simConfig is the simulation of numBlocks blocks of up to blockSize
// operations, committed to an in-memory database.
func simConfig(numBlocks, blockSize int) simtypes.Config {
	return simtypes.Config{
		ChainID:            simsx.SimAppChainID,
		Seed:               1,
		InitialBlockHeight: 1,
		GenesisTime:        genesisTime.Unix(),
		NumBlocks:          numBlocks,
		BlockSize:          blockSize,
		Commit:             true,
		DBBackend:          "memdb",
	}
}
