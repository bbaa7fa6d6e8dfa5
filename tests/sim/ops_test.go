package sim

import (
	"context"
	"sync"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/hyra-network/hyra/app"
	mrsim "github.com/hyra-network/hyra/x/modelregistry/simulation"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rwsim "github.com/hyra-network/hyra/x/rewards/simulation"
	rtsim "github.com/hyra-network/hyra/x/router/simulation"
	tpsim "github.com/hyra-network/hyra/x/taskpool/simulation"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/models"
)

// hyraOps is a simulation module that registers the operations of the four
// Hyra modules with what they need beyond their own keepers: the model
// owner's files and the worker's prover (the bundled iris model), and the
// other modules' state.
type hyraOps struct {
	app   *app.App
	files mrsim.ModelFiles
}

var _ module.AppModuleSimulation = hyraOps{}

func newHyraOps(a *app.App) hyraOps {
	files, err := mrsim.NewModelFiles(models.IrisArtifact, models.IrisVerifyingKey)
	if err != nil {
		panic(err)
	}
	return hyraOps{app: a, files: files}
}

// GenerateGenesisState runs after each Hyra module wrote its own genesis: it puts the
// simulation's phase 1 into x/modelregistry's params, for the setup operations.
func (hyraOps) GenerateGenesisState(s *module.SimulationState) { setGenesisPhase1(s) }

// RegisterStoreDecoder is a no-op: each Hyra module registers its own.
func (hyraOps) RegisterStoreDecoder(simtypes.StoreDecoderRegistry) {}

// WeightedOperations is a no-op: see WeightedOperationsX.
func (hyraOps) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation { return nil }

// WeightedOperationsX registers every Hyra message, each checking the
// invariants first (once per block).
func (o hyraOps) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	a := o.app
	reg = &checkedRegistry{Registry: reg, check: func(ctx context.Context) error { return checkInvariants(ctx, a) }}
	// Tasks go to models whose current version takes them: the setup operations register
	// versions that wait for their setup, and governance retires versions.
	randomModel := func(ctx context.Context, r *simsx.XRand) (mrtypes.Model, bool) {
		for range 8 {
			m, ok := mrsim.RandomModel(ctx, a.ModelRegistryKeeper, r)
			if !ok {
				return m, false
			}
			if v, err := a.ModelRegistryKeeper.GetModelVersion(ctx, m.Id, m.Version); err == nil && v.SetupStatus.TakesTasks() {
				return m, true
			}
		}
		return mrtypes.Model{}, false
	}
	randomWorker := func(ctx context.Context, r *simsx.XRand) (sdk.AccAddress, bool) {
		return workerAddr(tpsim.RandomWorker(ctx, a.TaskPoolKeeper, r, func(w tptypes.Worker) bool { return w.Active }))
	}
	randomClaimer := func(ctx context.Context, r *simsx.XRand) (sdk.AccAddress, bool) {
		return workerAddr(tpsim.RandomWorker(ctx, a.TaskPoolKeeper, r, func(w tptypes.Worker) bool {
			addr, err := sdk.AccAddressFromBech32(w.Address)
			return err == nil && a.TaskPoolKeeper.CheckWorkerMayClaim(ctx, addr) == nil
		}))
	}
	mrsim.WeightedOperationsX(weights, reg, a.ModelRegistryKeeper, o.files)
	registerSetupOps(weights, reg, a)
	tpsim.WeightedOperationsX(weights, reg, tpsim.Deps{
		Keeper: a.TaskPoolKeeper, Models: a.ModelRegistryKeeper, RandomModel: randomModel, Prove: proveIris,
	})
	rwsim.WeightedOperationsX(weights, reg, a.RewardsKeeper, randomWorker)
	rtsim.WeightedOperationsX(weights, reg, rtsim.Deps{
		TaskPool: a.TaskPoolKeeper, Rewards: a.RewardsKeeper, Models: a.ModelRegistryKeeper,
		RandomModel: randomModel, RandomClaimer: randomClaimer,
	})
}

// ProposalMsgsX registers the governance message of the setup: retiring a version.
func (o hyraOps) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("modelregistry_msg_retire_version", 5), msgRetireVersionFactory(o.app.ModelRegistryKeeper))
}

// workerAddr is the address of a picked worker.
func workerAddr(w tptypes.Worker, ok bool) (sdk.AccAddress, bool) {
	if !ok {
		return nil, false
	}
	addr, err := sdk.AccAddressFromBech32(w.Address)
	return addr, err == nil
}

// checkedRegistry wraps each factory so that, at the first Hyra operation
// of every block, the invariants are checked on the state the previous
// block and operations left; a violation fails the simulation.
type checkedRegistry struct {
	simsx.Registry
	check func(context.Context) error

	mu      sync.Mutex
	checked int64
}

// Add registers f behind the invariant check.
func (c *checkedRegistry) Add(weight uint32, f simsx.SimMsgFactoryX) {
	c.Registry.Add(weight, checkedFactory{SimMsgFactoryX: f, reg: c})
}

// due reports whether the invariants are still to be checked at height.
func (c *checkedRegistry) due(height int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.checked == height {
		return false
	}
	c.checked = height
	return true
}

type checkedFactory struct {
	simsx.SimMsgFactoryX
	reg *checkedRegistry
}

// Create checks the invariants, then builds the message.
func (f checkedFactory) Create() simsx.FactoryMethod {
	create := f.SimMsgFactoryX.Create()
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, sdk.Msg) {
		if f.reg.due(sdk.UnwrapSDKContext(ctx).BlockHeight()) {
			if err := f.reg.check(ctx); err != nil {
				reporter.Fail(err, "invariant")
				return nil, nil
			}
		}
		return create(ctx, testData, reporter)
	}
}
