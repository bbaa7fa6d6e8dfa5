package keeper_test

import (
	"crypto/sha256"
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/modelregistry"
	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	mrtestutil "github.com/hyra-network/hyra/x/modelregistry/testutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
)

const denom = "uhyra"

type fixture struct {
	ctx       sdk.Context
	k         keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	distr     *mrtestutil.Distr
	staking   mrtestutil.Staking
	authority string
	owner     string
	other     string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := tctx.Ctx.WithBlockHeight(7).WithGasMeter(storetypes.NewInfiniteGasMeter())
	cdc := moduletestutil.MakeTestEncodingConfig(modelregistry.AppModule{}).Codec
	ac := addresscodec.NewBech32Codec("hyra")

	addr := func(i byte) string {
		s, err := ac.BytesToString(testaddr.Filled(i))
		require.NoError(t, err)
		return s
	}
	f := &fixture{authority: addr(0xAA), owner: addr(1), other: addr(2)}
	f.distr = &mrtestutil.Distr{Balances: map[string]sdk.Coins{}}
	for _, a := range []string{f.owner, f.other} {
		bz, err := ac.StringToBytes(a)
		require.NoError(t, err)
		f.distr.Balances[sdk.AccAddress(bz).String()] = sdk.NewCoins(sdk.NewInt64Coin(denom, 100_000_000))
	}
	f.staking = mrtestutil.Staking{Denom: denom, Bonded: map[string]bool{}}
	f.k = keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), ac, f.distr, f.staking, f.authority)
	f.ctx = ctx
	f.msgs = keeper.NewMsgServerImpl(f.k)
	f.queries = keeper.NewQueryServerImpl(f.k)
	gs := types.DefaultGenesis()
	gs.Params.AllowSinglePartyKeys = true // the registration tests upload the bundled iris key
	require.NoError(t, f.k.InitGenesis(ctx, gs))
	return f
}

// irisRegistration is a valid registration of the bundled iris model.
func (f *fixture) irisRegistration() *types.MsgRegisterModel {
	h := sha256.Sum256(models.IrisArtifact)
	return &types.MsgRegisterModel{
		Owner:        f.owner,
		Name:         "iris",
		Description:  "iris species from four flower measurements",
		Price:        sdk.NewInt64Coin(denom, 1000),
		ProofSystem:  types.PROOF_SYSTEM_GROTH16,
		VerifyingKey: models.IrisVerifyingKey,
		Artifact:     models.IrisArtifact,
		ArtifactHash: h[:],
		InputSchema:  irisSchema(),
		OutputLength: 3,
	}
}

// irisSchema is the input schema of the bundled iris model, read from its
// artifact so that the tests follow the model.
func irisSchema() types.InputSchema {
	a, err := artifact.Parse(models.IrisArtifact)
	if err != nil {
		panic(err)
	}
	return types.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max}
}

// register registers the iris model and returns its id.
func (f *fixture) register(t *testing.T) uint64 {
	t.Helper()
	res, err := f.msgs.RegisterModel(f.ctx, f.irisRegistration())
	require.NoError(t, err)
	return res.Id
}

// snapshot captures the state a failed message must leave untouched: the
// whole module state and every balance.
type snapshot struct {
	state    *types.GenesisState
	balances string
	pool     string
}

func (f *fixture) snapshot(t *testing.T) snapshot {
	t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	return snapshot{state: gs, balances: fmt.Sprint(f.distr.Balances), pool: f.distr.CommunityPool.String()}
}
