package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/modelregistry/testutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/verifier"
)

// setupFixture is the registry with the iris artifact registered without a
// key (version 1 PENDING), a phase-1 anchor in params and a ceremony ready.
type setupFixture struct {
	*fixture
	bonds    *testutil.Bonds
	grants   testutil.Grants
	ceremony *testutil.Ceremony
	id       uint64
	// accounts: validator is a bonded validator's operator, worker a bonded
	// worker with enough reputation, c1 and c2 plain accounts.
	validator, worker, c1, c2 string
	// aside is a contribution made but not recorded (a racing contributor's).
	aside *types.MsgContributeSetup
}

func newSetupFixture(t *testing.T) *setupFixture {
	t.Helper()
	f := &setupFixture{fixture: newFixture(t), bonds: &testutil.Bonds{Bonded: map[string]bool{}, Rep: map[string]int64{}}, grants: testutil.Grants{}}
	f.k.SetIndependenceSources(f.bonds, f.grants)
	f.validator, f.worker, f.c1, f.c2 = f.addr(t, 5), f.addr(t, 6), f.addr(t, 7), f.addr(t, 8)
	f.staking.Bonded[string(f.bytes(t, f.validator))] = true
	f.bonds.Bonded[string(f.bytes(t, f.worker))] = true
	f.bonds.Rep[string(f.bytes(t, f.worker))] = types.DefaultIndependentMinReputation

	var err error
	f.ceremony, err = testutil.NewCeremony(models.IrisArtifact)
	require.NoError(t, err)
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	p.AllowSinglePartyKeys = false
	p.SetupAnchor = f.ceremony.Anchor
	require.NoError(t, f.k.Params.Set(f.ctx, p))

	msg := f.irisRegistration()
	msg.VerifyingKey = nil
	res, err := f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(t, err)
	f.id = res.Id
	f.ctx = f.ctx.WithHeaderHash(sha([]byte("block 7")))
	return f
}

func (f *setupFixture) addr(t *testing.T, b byte) string {
	t.Helper()
	s, err := sdk.Bech32ifyAddressBytes("hyra", testaddr.Filled(b))
	require.NoError(t, err)
	return s
}

func (f *setupFixture) bytes(t *testing.T, a string) []byte {
	t.Helper()
	bz, err := sdk.GetFromBech32(a, "hyra")
	require.NoError(t, err)
	return bz
}

func (f *setupFixture) begin(t *testing.T) {
	t.Helper()
	_, err := f.msgs.BeginSetup(f.ctx, f.ceremony.BeginMsg(f.owner, f.id, 1))
	require.NoError(t, err)
}

// contribute records the next contribution of each account in turn.
func (f *setupFixture) contribute(t *testing.T, contributors ...string) {
	t.Helper()
	for _, c := range contributors {
		msg, err := f.ceremony.Contribute(c, f.id, 1)
		require.NoError(t, err)
		_, err = f.msgs.ContributeSetup(f.ctx, msg)
		require.NoError(t, err)
	}
}

func (f *setupFixture) finalize() (*types.MsgFinalizeSetupResponse, error) {
	return f.msgs.FinalizeSetup(f.ctx, &types.MsgFinalizeSetup{Owner: f.owner, ModelId: f.id, Version: 1})
}

func (f *setupFixture) version(t *testing.T) types.ModelVersion {
	t.Helper()
	v, err := f.k.GetModelVersion(f.ctx, f.id, 1)
	require.NoError(t, err)
	return v
}

func initialDelta() (g1, g2 []byte) { return verifier.InitialDelta() }
