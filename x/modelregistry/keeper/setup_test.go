package keeper_test

import (
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/x/modelregistry/testutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/verifier"
)

// TestCeremonyBuildsTheTranscriptsKey runs a real three-party setup of the
// iris circuit through the message server: the chain records each
// contribution, and at finalization builds exactly the verifying key gnark's
// VerifyPhase2 derives from the same transcript and beacon (the block hash).
func TestCeremonyBuildsTheTranscriptsKey(t *testing.T) {
	f := newSetupFixture(t)
	v := f.version(t)
	require.Equal(t, types.SETUP_STATUS_PENDING, v.SetupStatus)
	require.Empty(t, v.VerifyingKey)
	require.ErrorContains(t, v.CheckTakesTasks(), "has no verifying key until its multi-party setup is finalized")

	f.begin(t)
	f.contribute(t, f.owner, f.c1, f.validator)
	res, err := f.finalize()
	require.NoError(t, err)

	beacon := f.ctx.HeaderHash()
	_, gnarkVK, err := f.ceremony.Keys(beacon)
	require.NoError(t, err)
	v = f.version(t)
	require.Equal(t, gnarkVK, v.VerifyingKey, "the chain's key is the transcript's")
	require.Equal(t, sha(gnarkVK), res.VerifyingKeyHash)
	require.Equal(t, sha(gnarkVK), v.VerifyingKeyHash)
	require.Equal(t, types.SETUP_STATUS_CEREMONY, v.SetupStatus)
	require.Equal(t, uint32(3), v.SetupContributors)
	require.Equal(t, uint32(1), v.SetupIndependent, "only the validator is independent of the owner")
	require.NoError(t, v.CheckTakesTasks())
	require.NoError(t, verifier.CheckVerifyingKey(v.VerifyingKey))
	requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventSetupFinalized")
	q, err := f.queries.ModelVersion(f.ctx, &types.QueryModelVersionRequest{Id: f.id, Version: 1})
	require.NoError(t, err)
	require.Equal(t, models.IrisArtifact, q.ModelVersion.Artifact, "finalization keeps the artifact, stored apart")

	setup, err := f.k.GetSetup(f.ctx, f.id, 1)
	require.NoError(t, err)
	require.Equal(t, beacon, setup.Beacon)
	require.Equal(t, int64(7), setup.FinalizedHeight)

	// The Setup query pages through the contributions in order.
	page, err := f.queries.Setup(f.ctx, &types.QuerySetupRequest{Id: f.id, Version: 1, Pagination: &query.PageRequest{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, types.SETUP_STATUS_CEREMONY, page.SetupStatus)
	require.Len(t, page.Contributions, 2)
	require.Equal(t, []string{f.owner, f.c1}, []string{page.Contributions[0].Contributor, page.Contributions[1].Contributor})
	rest, err := f.queries.Setup(f.ctx, &types.QuerySetupRequest{Id: f.id, Version: 1, Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, rest.Contributions, 1)
	require.Equal(t, uint32(3), rest.Contributions[0].Index)

	// Nothing more can be contributed, and the setup cannot be finalized again.
	late, err := f.ceremony.Contribute(f.c2, f.id, 1)
	require.NoError(t, err)
	before := f.snapshot(t)
	_, err = f.msgs.ContributeSetup(f.ctx, late)
	require.ErrorContains(t, err, "is SETUP_STATUS_CEREMONY; only a PENDING version can take contributions")
	_, err = f.finalize()
	require.ErrorContains(t, err, "only a PENDING version can be finalized")
	require.Equal(t, before, f.snapshot(t))

	// The state exports to a valid genesis that imports to the same state.
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Setups, 1)
	require.Len(t, gs.SetupContributions, 3)
	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
	_, err = g.msgs.ContributeSetup(g.ctx, late)
	require.ErrorContains(t, err, "only a PENDING version")
}

// TestNewVersionWaitsForItsSetup checks that a PENDING version does not
// replace the current one for new tasks until its setup is finalized.
func TestNewVersionWaitsForItsSetup(t *testing.T) {
	f := newSetupFixture(t)
	f.begin(t)
	f.contribute(t, f.c1, f.c2, f.worker)
	_, err := f.finalize()
	require.NoError(t, err)

	update := &types.MsgUpdateModel{
		Owner: f.owner, Id: f.id, ProofSystem: types.PROOF_SYSTEM_GROTH16, Artifact: models.IrisArtifact,
		ArtifactHash: sha(models.IrisArtifact), InputSchema: irisSchema(), OutputLength: 3,
	}
	res, err := f.msgs.UpdateModel(f.ctx, update)
	require.NoError(t, err)
	require.Equal(t, uint64(2), res.Version)
	m, err := f.k.GetModel(f.ctx, f.id)
	require.NoError(t, err)
	require.Equal(t, uint64(1), m.Version, "new tasks keep using version 1")
	require.Equal(t, uint64(2), m.LatestVersion)

	next, err := testutil.NewCeremony(models.IrisArtifact)
	require.NoError(t, err)
	_, err = f.msgs.BeginSetup(f.ctx, next.BeginMsg(f.owner, f.id, 2))
	require.NoError(t, err)
	for _, who := range []string{f.c1, f.c2, f.validator} {
		msg, err := next.Contribute(who, f.id, 2)
		require.NoError(t, err)
		_, err = f.msgs.ContributeSetup(f.ctx, msg)
		require.NoError(t, err)
	}
	_, err = f.msgs.FinalizeSetup(f.ctx, &types.MsgFinalizeSetup{Owner: f.owner, ModelId: f.id, Version: 2})
	require.NoError(t, err)
	m, err = f.k.GetModel(f.ctx, f.id)
	require.NoError(t, err)
	require.Equal(t, uint64(2), m.Version, "version 2 is current once its setup is finalized")
}

// TestSinglePartyKeys checks that an uploaded key is refused unless
// params.allow_single_party_keys is true, and is then marked SINGLE_PARTY.
func TestSinglePartyKeys(t *testing.T) {
	f := newSetupFixture(t)
	before := f.snapshot(t)
	_, err := f.msgs.RegisterModel(f.ctx, f.irisRegistration())
	require.ErrorContains(t, err, "allow_single_party_keys is false): register the artifact without a key, then run its setup ceremony")
	require.ErrorIs(t, err, types.ErrSinglePartyKey)
	update := &types.MsgUpdateModel{
		Owner: f.owner, Id: f.id, ProofSystem: types.PROOF_SYSTEM_GROTH16, VerifyingKey: models.IrisVerifyingKey,
		Artifact: models.IrisArtifact, ArtifactHash: sha(models.IrisArtifact), InputSchema: irisSchema(), OutputLength: 3,
	}
	_, err = f.msgs.UpdateModel(f.ctx, update)
	require.ErrorIs(t, err, types.ErrSinglePartyKey)
	require.Equal(t, before, f.snapshot(t))

	p, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	p.AllowSinglePartyKeys = true
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	res, err := f.msgs.UpdateModel(f.ctx, update)
	require.NoError(t, err)
	v, err := f.k.GetModelVersion(f.ctx, f.id, res.Version)
	require.NoError(t, err)
	require.Equal(t, types.SETUP_STATUS_SINGLE_PARTY, v.SetupStatus)
	m, err := f.k.GetModel(f.ctx, f.id)
	require.NoError(t, err)
	require.Equal(t, res.Version, m.Version, "a version with a key is current at once")
	// A SINGLE_PARTY version has no setup to begin.
	_, err = f.msgs.BeginSetup(f.ctx, f.ceremony.BeginMsg(f.owner, f.id, res.Version))
	require.ErrorContains(t, err, "only a PENDING version can begin a setup")
}

// TestRetireVersion checks that only governance retires a version, and that
// a retired version takes no tasks, contributions or finalization.
func TestRetireVersion(t *testing.T) {
	f := newSetupFixture(t)
	f.begin(t)
	f.contribute(t, f.c1, f.c2, f.validator)
	retire := &types.MsgRetireVersion{Authority: f.owner, ModelId: f.id, Version: 1}
	_, err := f.msgs.RetireVersion(f.ctx, retire)
	require.ErrorContains(t, err, "invalid authority")
	retire.Authority = f.authority
	_, err = f.msgs.RetireVersion(f.ctx, retire)
	require.NoError(t, err)
	requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventVersionRetired")
	v := f.version(t)
	require.Equal(t, types.SETUP_STATUS_RETIRED, v.SetupStatus)
	require.ErrorContains(t, v.CheckTakesTasks(), "was retired by governance")
	_, err = f.finalize()
	require.ErrorContains(t, err, "is SETUP_STATUS_RETIRED; only a PENDING version can be finalized")
	_, err = f.msgs.RetireVersion(f.ctx, retire)
	require.ErrorIs(t, err, types.ErrNoChange)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
}

// TestFinalizeSetupSimulatesItsGas: a client estimating MsgFinalizeSetup's gas (--gas auto)
// simulates it on a context without a header hash; the simulation succeeds with a stand-in
// beacon and uses exactly the gas the executed message uses. Outside a simulation a missing
// header hash is still refused (TestSetupRefusals).
func TestFinalizeSetupSimulatesItsGas(t *testing.T) {
	f := newSetupFixture(t)
	f.begin(t)
	f.contribute(t, f.owner, f.c1, f.validator)
	gasOf := func(ctx sdk.Context) uint64 {
		ctx, _ = ctx.CacheContext()
		ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := f.msgs.FinalizeSetup(ctx, &types.MsgFinalizeSetup{Owner: f.owner, ModelId: f.id, Version: 1})
		require.NoError(t, err)
		return ctx.GasMeter().GasConsumed()
	}
	executed := gasOf(f.ctx.WithExecMode(sdk.ExecModeFinalize))
	simulated := gasOf(f.ctx.WithExecMode(sdk.ExecModeSimulate).WithHeaderHash(nil))
	require.Equal(t, executed, simulated)
	require.Greater(t, executed, verifier.SetupVerifyingKeyGas)

	ctx, _ := f.ctx.WithExecMode(sdk.ExecModeFinalize).WithHeaderHash(nil).CacheContext()
	_, err := f.msgs.FinalizeSetup(ctx, &types.MsgFinalizeSetup{Owner: f.owner, ModelId: f.id, Version: 1})
	require.ErrorIs(t, err, types.ErrNoBeacon)
}
