// Package app wires the modules of hyrad into one Cosmos SDK application.
package app

import (
	"io"

	clienthelpers "cosmossdk.io/client/v2/helpers"
	"cosmossdk.io/depinject"
	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	upgradekeeper "cosmossdk.io/x/upgrade/keeper"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"

	"github.com/hyra-network/hyra/app/precheck"
	"github.com/hyra-network/hyra/app/sigcache"
	modelregistrykeeper "github.com/hyra-network/hyra/x/modelregistry/keeper"
	rewardskeeper "github.com/hyra-network/hyra/x/rewards/keeper"
	routerkeeper "github.com/hyra-network/hyra/x/router/keeper"
	taskpoolkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/zk/verifier"
)

// DefaultNodeHome is where hyrad keeps its config and data unless --home says otherwise.
var DefaultNodeHome string

var (
	_ runtime.AppI            = (*App)(nil)
	_ servertypes.Application = (*App)(nil)
)

// App is the hyrad application: the runtime app plus the keepers that tests,
// export and upgrades need to reach.
type App struct {
	*runtime.App
	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry
	sigCache          *sigcache.Cache // signatures verified in CheckTx, not again in FinalizeBlock
	// proofs verifies result proofs for x/taskpool's handler and the
	// pre-verifiers alike, so that what they verify ahead of execution the
	// handler finds in its cache (see app/preverify).
	proofs *verifier.Verifier
	// metrics is what the node remembers to report its metrics (metrics.go).
	metrics nodeMetrics

	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.BaseKeeper
	StakingKeeper         *stakingkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	MintKeeper            mintkeeper.Keeper
	DistrKeeper           distrkeeper.Keeper
	GovKeeper             *govkeeper.Keeper
	UpgradeKeeper         *upgradekeeper.Keeper
	ConsensusParamsKeeper consensuskeeper.Keeper
	ModelRegistryKeeper   modelregistrykeeper.Keeper
	RewardsKeeper         rewardskeeper.Keeper
	TaskPoolKeeper        taskpoolkeeper.Keeper
	RouterKeeper          routerkeeper.Keeper

	sm *module.SimulationManager
}

func init() {
	var err error
	DefaultNodeHome, err = clienthelpers.GetNodeHomeDirectory(".hyra")
	if err != nil {
		panic(err)
	}
}

// AppConfig is the depinject configuration of hyrad, shared by the node, the
// CLI and the integration tests. Each container builds its own proof
// verifier (verifier.New), with empty caches: an app starts cold, and two
// apps in one process share nothing.
func AppConfig() depinject.Config {
	return depinject.Configs(
		appConfig,
		depinject.Provide(verifier.New),
		depinject.Supply(
			map[string]module.AppModuleBasic{
				genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
				govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
				banktypes.ModuleName:    bankModuleBasic{},
			},
		),
	)
}

// New builds the application on db.
func New(
	logger log.Logger,
	db dbm.DB,
	traceStore io.Writer,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) (*App, error) {
	var (
		app        = &App{}
		appBuilder *runtime.AppBuilder
	)
	if err := depinject.Inject(
		depinject.Configs(AppConfig(), depinject.Supply(logger, appOpts)),
		&appBuilder,
		&app.appCodec,
		&app.legacyAmino,
		&app.txConfig,
		&app.interfaceRegistry,
		&app.AccountKeeper,
		&app.BankKeeper,
		&app.StakingKeeper,
		&app.SlashingKeeper,
		&app.MintKeeper,
		&app.DistrKeeper,
		&app.GovKeeper,
		&app.UpgradeKeeper,
		&app.ConsensusParamsKeeper,
		&app.ModelRegistryKeeper,
		&app.RewardsKeeper,
		&app.TaskPoolKeeper,
		&app.RouterKeeper,
		&app.proofs,
	); err != nil {
		return nil, err
	}

	app.App = appBuilder.Build(db, traceStore, baseAppOptions...)
	app.proofs.SetTimer(recordVerifyTime)
	// Before the proof pre-verifiers, so that they wrap it: the SDK's checks, then the proofs.
	app.sigCache = sigcache.New(app.AccountKeeper)
	app.SetAnteHandler(app.sigCache.Wrap(app.AnteHandler()))
	if err := app.setPreverifiers(appOpts); err != nil {
		return nil, err
	}
	// Last, so that the messages it runs see the state every decorator left.
	app.SetAnteHandler(precheck.Wrap(app.AnteHandler(), app.MsgServiceRouter()))
	app.AddRunTxRecoveryHandler(panicWithoutStack(app.Logger()))
	if err := app.RegisterStreamingServices(appOpts, app.kvStoreKeys()); err != nil {
		return nil, err
	}
	app.sm = module.NewSimulationManagerFromAppModules(app.ModuleManager.Modules, nil)
	app.sm.RegisterStoreDecoders()

	if err := app.Load(loadLatest); err != nil {
		return nil, err
	}
	return app, nil
}

// LegacyAmino returns the amino codec, still needed by a few SDK clients.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the protobuf codec of the application.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the registry of every interface implementation.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction encoding configuration.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

func (app *App) kvStoreKeys() map[string]*storetypes.KVStoreKey {
	keys := make(map[string]*storetypes.KVStoreKey)
	for _, k := range app.GetStoreKeys() {
		if kv, ok := k.(*storetypes.KVStoreKey); ok {
			keys[kv.Name()] = kv
		}
	}
	return keys
}

// SimulationManager returns the simulation manager of the application.
func (app *App) SimulationManager() *module.SimulationManager { return app.sm }

// SignatureCacheStats reports how many transactions FinalizeBlock executed
// without checking their signatures a second time (verified in CheckTx), and
// how many it checked.
func (app *App) SignatureCacheStats() (hits, misses uint64) { return app.sigCache.Stats() }

// ProofVerifier returns the verifier of result proofs that x/taskpool's
// handler and the pre-verifiers share (its CacheStats say how many results
// the handler found verified ahead of execution).
func (app *App) ProofVerifier() *verifier.Verifier { return app.proofs }
