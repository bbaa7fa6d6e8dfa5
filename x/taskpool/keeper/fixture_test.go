package keeper_test

import (
	"fmt"
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	tptestutil "github.com/hyra-network/hyra/x/taskpool/testutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

const (
	denom   = "uhyra"
	chainID = "hyra-test-1"
	irisID  = uint64(1)
	price   = int64(1000)
)

var genesisTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// fixture is a keeper on a real store with fake bank, model registry and
// rewards keepers, the iris model registered, and a few funded accounts.
type fixture struct {
	t       *testing.T
	ctx     sdk.Context
	k       keeper.Keeper
	msgs    types.MsgServer
	queries types.QueryServer
	bank    *tptestutil.Bank
	distr   *tptestutil.Distr
	models  *tptestutil.Models
	rewards *tptestutil.Rewards
	prove   zktest.ProveFunc
	proofs  *verifier.Verifier // the keeper's: a new one per fixture, so every test starts cold

	authority string
	creator   sdk.AccAddress
	other     sdk.AccAddress
	worker    sdk.AccAddress
	worker2   sdk.AccAddress
	owner     sdk.AccAddress
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := tctx.Ctx.WithBlockHeight(10).WithBlockTime(genesisTime).WithChainID(chainID).
		WithGasMeter(storetypes.NewInfiniteGasMeter())
	cdc := moduletestutil.MakeTestEncodingConfig(taskpool.AppModule{}).Codec
	ac := addresscodec.NewBech32Codec("hyra")

	art, vk, prove := zktest.Iris(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)

	f := &fixture{
		t: t, ctx: ctx, prove: prove,
		creator: testaddr.Filled(1), other: testaddr.Filled(2), worker: testaddr.Filled(3), worker2: testaddr.Filled(4), owner: testaddr.Filled(5),
		bank:   tptestutil.NewBank(),
		models: tptestutil.NewModels(),
	}
	f.authority = f.str(testaddr.Filled(0xAA))
	f.rewards = tptestutil.NewRewards(f.bank)
	f.distr = tptestutil.NewDistr(f.bank)
	f.models.Models[irisID] = mrtypes.Model{
		Id: irisID, Owner: f.str(f.owner), Name: "iris", Price: sdk.NewInt64Coin(denom, price), Active: true, Version: 1,
	}
	f.models.Versions[[2]uint64{irisID, 1}] = mrtypes.ModelVersion{
		ModelId: irisID, Version: 1, VerifyingKey: vk, Artifact: art, SetupStatus: mrtypes.SETUP_STATUS_SINGLE_PARTY,
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	}
	for _, acc := range []sdk.AccAddress{f.creator, f.other, f.owner} {
		f.bank.Balances[string(acc)] = sdk.NewCoins(sdk.NewInt64Coin(denom, 100_000_000), sdk.NewInt64Coin("uatom", 1_000_000))
	}
	f.proofs = verifier.New()
	f.k = keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), ac, f.bank, f.distr, f.models, f.rewards, f.proofs, f.authority)
	f.msgs = keeper.NewMsgServerImpl(f.k)
	f.queries = keeper.NewQueryServerImpl(f.k)
	require.NoError(t, f.k.InitGenesis(ctx, types.DefaultGenesis()))
	return f
}

func (f *fixture) str(a sdk.AccAddress) string { return testaddr.Bech32(f.t, a) }

// irisInput is a valid iris input, encoded.
func (f *fixture) irisInput() []byte {
	return vector.Encode(zktest.IrisInputs(f.t)[0])
}

func coin(n int64) sdk.Coin { return sdk.NewInt64Coin(denom, n) }

// createPool creates an iris pool with a one-minute claim timeout.
func (f *fixture) createPool() uint64 {
	f.t.Helper()
	res, err := f.msgs.CreateTaskPool(f.ctx, &types.MsgCreateTaskPool{
		Creator: f.str(f.owner), Name: "iris", ModelId: irisID, ClaimTimeout: time.Minute,
	})
	require.NoError(f.t, err)
	return res.PoolId
}

// submitTask submits a valid iris task with a one-hour deadline.
func (f *fixture) submitTask(poolID uint64, reward int64) uint64 {
	f.t.Helper()
	res, err := f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: poolID, Input: f.irisInput(), Reward: coin(reward),
		Deadline: f.ctx.BlockTime().Add(time.Hour),
	})
	require.NoError(f.t, err)
	return res.TaskId
}

// readyWorker registers and bonds w.
func (f *fixture) readyWorker(w sdk.AccAddress) {
	f.t.Helper()
	_, err := f.msgs.RegisterWorker(f.ctx, &types.MsgRegisterWorker{Worker: f.str(w)})
	require.NoError(f.t, err)
	f.rewards.Bonded[string(w)] = true
}

// claim claims taskID of poolID for w.
func (f *fixture) claim(w sdk.AccAddress, poolID, taskID uint64) uint64 {
	f.t.Helper()
	res, err := f.msgs.ClaimTask(f.ctx, &types.MsgClaimTask{Worker: f.str(w), PoolId: poolID, TaskId: taskID})
	require.NoError(f.t, err)
	return res.TaskId
}

// proveTask proves task for w with the task's stored input.
func (f *fixture) proveTask(taskID uint64, w sdk.AccAddress) (output, proof []byte) {
	f.t.Helper()
	task, err := f.k.GetTask(f.ctx, taskID)
	require.NoError(f.t, err)
	in, err := task.DecodedInput()
	require.NoError(f.t, err)
	return f.prove(chainID, taskID, w, in)
}

// advance moves to the next block, d later, and runs its EndBlock. A d
// beyond max_block_gap is an outage of the chain, which claims do not pay
// for; run lets time pass on a live chain.
func (f *fixture) advance(d time.Duration) {
	f.t.Helper()
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(d)).WithBlockHeight(f.ctx.BlockHeight() + 1)
	require.NoError(f.t, f.k.EndBlocker(f.ctx))
}

// run lets d pass as a live chain does: blocks max_block_gap apart (the last
// one closer), each running EndBlock, so that claims age by d.
func (f *fixture) run(d time.Duration) {
	f.t.Helper()
	params, err := f.k.Params.Get(f.ctx)
	require.NoError(f.t, err)
	for ; d > params.MaxBlockGap; d -= params.MaxBlockGap {
		f.advance(params.MaxBlockGap)
	}
	f.advance(d)
}

func (f *fixture) task(id uint64) types.Task {
	f.t.Helper()
	task, err := f.k.GetTask(f.ctx, id)
	require.NoError(f.t, err)
	return task
}

func (f *fixture) pool(id uint64) types.Pool {
	f.t.Helper()
	p, err := f.k.GetPool(f.ctx, id)
	require.NoError(f.t, err)
	return p
}

func (f *fixture) workerRec(w sdk.AccAddress) types.Worker {
	f.t.Helper()
	rec, err := f.k.GetWorker(f.ctx, w)
	require.NoError(f.t, err)
	return rec
}

func (f *fixture) balance(a sdk.AccAddress) int64 {
	return f.bank.Balances[string(a)].AmountOf(denom).Int64()
}

func (f *fixture) escrow() int64 {
	return f.balance(authtypes.NewModuleAddress(types.ModuleName))
}

// checkInvariants checks the escrow invariant and that coins were only moved.
func (f *fixture) checkInvariants(totalBefore sdk.Coins) {
	f.t.Helper()
	require.NoError(f.t, f.k.CheckEscrowInvariant(f.ctx))
	require.Equal(f.t, totalBefore.String(), f.bank.Total().String(), "coins were created or destroyed")
}

// snapshot captures what a failed message must leave untouched: the whole
// module state and every balance.
type snapshot struct {
	state    *types.GenesisState
	balances string
}

func (f *fixture) snapshot() snapshot {
	f.t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(f.t, err)
	return snapshot{state: gs, balances: fmt.Sprint(f.bank.Balances)}
}

func (f *fixture) requireUnchanged(before snapshot) {
	f.t.Helper()
	after := f.snapshot()
	require.Equal(f.t, before.state, after.state, "module state changed")
	require.Equal(f.t, before.balances, after.balances, "balances changed")
	require.NoError(f.t, f.k.CheckEscrowInvariant(f.ctx))
}

// requireEvent checks that the context's event manager holds an event of the given type.
func requireEvent(t *testing.T, ctx sdk.Context, eventType string) {
	t.Helper()
	for _, e := range ctx.EventManager().Events() {
		if e.Type == eventType {
			return
		}
	}
	require.Failf(t, "event not emitted", "no %s among %d events", eventType, len(ctx.EventManager().Events()))
}
