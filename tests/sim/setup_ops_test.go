package sim

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/app"
	mrkeeper "github.com/hyra-network/hyra/x/modelregistry/keeper"
	mrsim "github.com/hyra-network/hyra/x/modelregistry/simulation"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
)

// Simulation operations for the multi-party setup messages: registrations without a key (the
// versions a setup is for), MsgBeginSetup from the owner with the iris start, MsgContributeSetup
// with real contributions from random accounts and bonded validators' operators (the
// independent contributors finalization needs), MsgFinalizeSetup and, through governance,
// MsgRetireVersion. The invariants run over them like over every Hyra operation.
//
// MsgFinalizeSetup seals with the block's header hash, which the SDK's simulated blocks do not
// have (x/simulation's RandomRequestFinalizeBlock sets none), so in a simulation it is refused
// with ErrNoBeacon after all of its other checks (it is the expected outcome, and changes
// nothing); the keeper and end-to-end tests finalize with real header hashes.
func registerSetupOps(weights simsx.WeightSource, reg simsx.Registry, a *app.App) {
	keyless, err := mrsim.NewModelFiles(models.IrisArtifact, nil)
	if err != nil {
		panic(err)
	}
	k := a.ModelRegistryKeeper
	reg.Add(weights.Get("msg_register_model_for_setup", 10), mrsim.MsgRegisterModelFactory(k, keyless))
	reg.Add(weights.Get("msg_update_model_for_setup", 5), mrsim.MsgUpdateModelFactory(k, keyless))
	reg.Add(weights.Get("msg_begin_setup", 10), msgBeginSetupFactory(k))
	reg.Add(weights.Get("msg_contribute_setup", 15), msgContributeSetupFactory(a))
	reg.Add(weights.Get("msg_finalize_setup", 10), msgFinalizeSetupFactory(k))
}

// pendingVersion picks a random model version whose status is PENDING, of the simulation's
// artifact, and with no setup begun.
func pendingVersion(ctx context.Context, k mrkeeper.Keeper, r *simsx.XRand) (mrtypes.Model, mrtypes.ModelVersion, bool) {
	m, ok := mrsim.RandomModel(ctx, k, r)
	if !ok {
		return m, mrtypes.ModelVersion{}, false
	}
	v, err := k.GetModelVersion(ctx, m.Id, 1+uint64(r.Int63n(int64(m.Latest())))) //nolint:gosec // G115: a version count is positive
	if err != nil || v.SetupStatus != mrtypes.SETUP_STATUS_PENDING || string(v.ArtifactHash) != string(simSetup().start.ArtifactHash) {
		return m, v, false
	}
	has, err := k.Setups.Has(ctx, collections.Join(m.Id, v.Version))
	return m, v, err == nil && !has
}

// openSetup picks a random begun setup whose version is still PENDING and for which ok holds
// (a simulation has a few dozen setups at most: they are walked).
func openSetup(ctx context.Context, k mrkeeper.Keeper, r *simsx.XRand, ok func(mrtypes.Setup) bool) (mrtypes.Model, mrtypes.Setup, bool) {
	var open []mrtypes.Setup
	err := k.Setups.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], s mrtypes.Setup) (bool, error) {
		v, err := k.GetModelVersion(ctx, s.ModelId, s.Version)
		if err == nil && v.SetupStatus == mrtypes.SETUP_STATUS_PENDING && ok(s) {
			open = append(open, s)
		}
		return false, nil
	})
	if err != nil || len(open) == 0 {
		return mrtypes.Model{}, mrtypes.Setup{}, false
	}
	s := open[r.Intn(len(open))]
	m, err := k.GetModel(ctx, s.ModelId)
	return m, s, err == nil
}

func msgBeginSetupFactory(k mrkeeper.Keeper) simsx.SimMsgFactoryFn[*mrtypes.MsgBeginSetup] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *mrtypes.MsgBeginSetup) {
		d := simSetup()
		params, err := k.Params.Get(ctx)
		if err != nil || !d.anchored(params) {
			reporter.Skip("params do not hold the simulation's phase 1")
			return nil, nil
		}
		m, v, ok := pendingVersion(ctx, k, testData.Rand())
		if !ok {
			reporter.Skip("no pending version of the setup artifact without a setup")
			return nil, nil
		}
		owner := testData.GetAccount(reporter, m.Owner)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &mrtypes.MsgBeginSetup{
			Owner: owner.AddressBech32, ModelId: m.Id, Version: v.Version,
			InitialStateHash: d.start.InitialStateHash, VkK: d.start.VKK, Constraints: uint64(d.start.Constraints), //nolint:gosec // G115: a constraint count is positive
		}
	}
}

func msgContributeSetupFactory(a *app.App) simsx.SimMsgFactoryFn[*mrtypes.MsgContributeSetup] {
	k := a.ModelRegistryKeeper
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *mrtypes.MsgContributeSetup) {
		d := simSetup()
		r := testData.Rand()
		params, err := k.Params.Get(ctx)
		m, s, ok := openSetup(ctx, k, r, func(s mrtypes.Setup) bool { return s.Contributions < params.MaxSetupContributions })
		if !ok || err != nil {
			reporter.Skip("no open setup that takes contributions")
			return nil, nil
		}
		state := d.state(s.LastStateHash)
		if state == nil {
			reporter.Skip("the setup's last state was not made by this simulation")
			return nil, nil
		}
		contributor := pickContributor(ctx, a, testData, reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		key := collections.Join(collections.Join(m.Id, s.Version), contributor.Address)
		if seen, err := k.SetupContributors.Has(ctx, key); err != nil || seen {
			reporter.Skip("the account already contributed")
			return nil, nil
		}
		var x [32]byte
		_, _ = r.Read(x[:])
		rec, err := d.contribute(state, frFromBytes(x[:]))
		if err != nil {
			reporter.Fail(err, "contribution")
			return nil, nil
		}
		return []simsx.SimAccount{contributor}, &mrtypes.MsgContributeSetup{
			Contributor: contributor.AddressBech32, ModelId: m.Id, Version: s.Version,
			StateHash: rec.StateHash, DeltaG1: rec.DeltaG1, DeltaG2: rec.DeltaG2, Proof: rec.Proof,
		}
	}
}

// pickContributor is a bonded validator's operator half of the time (an independent
// contributor), or any account.
func pickContributor(ctx context.Context, a *app.App, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) simsx.SimAccount {
	r := testData.Rand()
	if r.Intn(2) == 0 {
		vals, err := a.StakingKeeper.GetBondedValidatorsByPower(ctx)
		if err == nil && len(vals) > 0 {
			op, err := a.StakingKeeper.ValidatorAddressCodec().StringToBytes(vals[r.Intn(len(vals))].OperatorAddress)
			if addr := sdk.AccAddress(op).String(); err == nil && testData.HasAccount(addr) {
				return testData.GetAccount(reporter, addr)
			}
		}
	}
	return testData.AnyAccount(reporter)
}

func msgFinalizeSetupFactory(k mrkeeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*mrtypes.MsgFinalizeSetup] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *mrtypes.MsgFinalizeSetup, simsx.SimDeliveryResultHandler) {
		params, err := k.Params.Get(ctx)
		m, s, ok := openSetup(ctx, k, testData.Rand(), func(s mrtypes.Setup) bool { return s.Contributions >= params.MinSetupContributors })
		if !ok || err != nil {
			reporter.Skip("no setup with enough contributions")
			return nil, nil, nil
		}
		owner := testData.GetAccount(reporter, m.Owner)
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		// Refused without a header hash (see registerSetupOps), or when none of the
		// contributors is independent of the owner: both change nothing.
		expected := func(err error) error {
			if err == nil || errors.Is(err, mrtypes.ErrNoBeacon) || errors.Is(err, mrtypes.ErrNoIndependentContributor) {
				return nil
			}
			return err
		}
		return []simsx.SimAccount{owner}, &mrtypes.MsgFinalizeSetup{Owner: owner.AddressBech32, ModelId: m.Id, Version: s.Version}, expected
	})
}

// msgRetireVersionFactory proposes, through governance, to retire a random version that is not
// retired.
func msgRetireVersionFactory(k mrkeeper.Keeper) simsx.SimMsgFactoryFn[*mrtypes.MsgRetireVersion] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *mrtypes.MsgRetireVersion) {
		r := testData.Rand()
		m, ok := mrsim.RandomModel(ctx, k, r)
		if !ok {
			reporter.Skip("no model")
			return nil, nil
		}
		v, err := k.GetModelVersion(ctx, m.Id, 1+uint64(r.Int63n(int64(m.Latest())))) //nolint:gosec // G115: a version count is positive
		if err != nil || v.SetupStatus == mrtypes.SETUP_STATUS_RETIRED {
			reporter.Skip("no version to retire")
			return nil, nil
		}
		return nil, &mrtypes.MsgRetireVersion{Authority: testData.ModuleAccountAddress(reporter, "gov"), ModelId: m.Id, Version: v.Version}
	}
}

// setupCounts is how many setups began and how many contributions they recorded.
func setupCounts(ctx context.Context, a *app.App) (begun, contributions int, err error) {
	err = a.ModelRegistryKeeper.Setups.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], s mrtypes.Setup) (bool, error) {
		begun++
		contributions += int(s.Contributions)
		return false, nil
	})
	return begun, contributions, err
}
