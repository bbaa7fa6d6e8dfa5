package keeper_test

import (
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/hyra-network/hyra/testutil/testaddr"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/router/keeper"
	"github.com/hyra-network/hyra/x/router/types"
	"github.com/hyra-network/hyra/x/taskpool"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptestutil "github.com/hyra-network/hyra/x/taskpool/testutil"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

const (
	denom  = "uhyra"
	irisID = uint64(1)
)

// fixture is the router keeper on the real x/taskpool keeper (the one users get: routing and
// best-task claims are its indexes), with x/taskpool's fake bank, model registry and rewards.
type fixture struct {
	t       *testing.T
	ctx     sdk.Context
	msgs    types.MsgServer
	queries types.QueryServer
	tp      tptypes.MsgServer
	models  *tptestutil.Models
	rewards *tptestutil.Rewards
	input   []byte

	creator, owner, worker sdk.AccAddress
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(tptypes.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test")).Ctx.
		WithBlockHeight(10).WithBlockTime(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)).
		WithGasMeter(storetypes.NewInfiniteGasMeter())
	cdc := moduletestutil.MakeTestEncodingConfig(taskpool.AppModule{}).Codec
	ac := addresscodec.NewBech32Codec("hyra")

	art, vk, _ := zktest.Iris(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	bank := tptestutil.NewBank()
	f := &fixture{
		t: t, ctx: ctx, models: tptestutil.NewModels(), rewards: tptestutil.NewRewards(bank),
		input:   vector.Encode(zktest.IrisInputs(t)[0]),
		creator: testaddr.Filled(1), owner: testaddr.Filled(2), worker: testaddr.Filled(3),
	}
	f.models.Models[irisID] = mrtypes.Model{
		Id: irisID, Owner: f.str(f.owner), Name: "iris", Price: sdk.NewInt64Coin(denom, 1000), Active: true, Version: 1,
	}
	f.models.Versions[[2]uint64{irisID, 1}] = mrtypes.ModelVersion{
		ModelId: irisID, Version: 1, VerifyingKey: vk, Artifact: art, SetupStatus: mrtypes.SETUP_STATUS_SINGLE_PARTY,
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	}
	for _, acc := range []sdk.AccAddress{f.creator, f.owner} {
		bank.Balances[string(acc)] = sdk.NewCoins(sdk.NewInt64Coin(denom, 100_000_000))
	}
	tp := tpkeeper.NewKeeper(cdc, runtime.NewKVStoreService(key), ac, bank, tptestutil.NewDistr(bank), f.models, f.rewards,
		verifier.New(), f.str(testaddr.Filled(0xAA)))
	require.NoError(t, tp.InitGenesis(ctx, tptypes.DefaultGenesis()))
	k := keeper.NewKeeper(ac, tp, f.models, f.rewards)
	f.tp, f.msgs, f.queries = tpkeeper.NewMsgServerImpl(tp), keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k)
	return f
}

func (f *fixture) str(a sdk.AccAddress) string { return testaddr.Bech32(f.t, a) }

func coin(n int64) sdk.Coin { return sdk.NewInt64Coin(denom, n) }

// createPool creates an iris pool of the owner's with a one-minute claim timeout.
func (f *fixture) createPool(minReputation int64) uint64 {
	f.t.Helper()
	res, err := f.tp.CreateTaskPool(f.ctx, &tptypes.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "iris", ModelId: irisID, ClaimTimeout: time.Minute, MinReputation: minReputation,
	})
	require.NoError(f.t, err)
	return res.PoolId
}

// submitTask submits an iris task to a pool, due in an hour.
func (f *fixture) submitTask(poolID uint64, reward int64) uint64 {
	f.t.Helper()
	res, err := f.tp.SubmitTask(f.ctx, &tptypes.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: poolID, Input: f.input, Reward: coin(reward), Deadline: f.ctx.BlockTime().Add(time.Hour),
	})
	require.NoError(f.t, err)
	return res.TaskId
}

// route routes an iris task due after ttl.
func (f *fixture) route(ttl time.Duration) (*types.MsgRouteTaskResponse, error) {
	return f.msgs.RouteTask(f.ctx, &types.MsgRouteTask{
		Creator: f.str(f.creator), ModelId: irisID, Input: f.input, Reward: coin(1000), Deadline: f.ctx.BlockTime().Add(ttl),
	})
}

// readyWorker registers and bonds the worker.
func (f *fixture) readyWorker() {
	f.t.Helper()
	_, err := f.tp.RegisterWorker(f.ctx, &tptypes.MsgRegisterWorker{Worker: f.str(f.worker)})
	require.NoError(f.t, err)
	f.rewards.Bonded[string(f.worker)] = true
}
