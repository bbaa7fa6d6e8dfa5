package keeper_test

import (
	"encoding/hex"
	"testing"
	"time"

	"cosmossdk.io/collections"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/hyra-network/hyra/x/taskpool"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// populated returns a fixture with tasks in every status, two pools and two
// workers, one of them holding a claim.
func populated(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	poolID := f.createPool()
	other := f.createPool()
	f.readyWorker(f.worker)
	f.readyWorker(f.worker2)
	completed := f.submitTask(poolID, 4000)
	f.claim(f.worker, poolID, completed)
	out, proof := f.proveTask(completed, f.worker)
	_, err := f.msgs.SubmitResult(f.ctx, &types.MsgSubmitResult{Worker: f.str(f.worker), TaskId: completed, Output: out, Proof: proof})
	require.NoError(t, err)
	cancelled := f.submitTask(poolID, price)
	_, err = f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: cancelled})
	require.NoError(t, err)
	_, err = f.msgs.SubmitTask(f.ctx, &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: other, Input: f.irisInput(), Reward: coin(price), Deadline: f.ctx.BlockTime().Add(2 * time.Minute),
	})
	require.NoError(t, err)
	f.advance(2 * time.Minute) // expires it
	f.submitTask(poolID, 1500) // stays open
	compact := &types.MsgSubmitTask{
		Creator: f.str(f.creator), PoolId: other, Input: f.irisInput(), Reward: coin(2500), Deadline: f.ctx.BlockTime().Add(time.Hour),
	}
	f.encodeInput(compact, types.VECTOR_ENCODING_UINT8)
	res, err := f.msgs.SubmitTask(f.ctx, compact)
	require.NoError(t, err)
	claimed := res.TaskId
	f.claim(f.worker2, other, claimed)
	return f
}

// TestGenesisRoundTrip exports a state with tasks in every status, imports it
// into a fresh store, and checks that the export is identical and that the
// rebuilt indexes and queues work: the open task is claimable, and the claim
// and deadline expire on time.
func TestGenesisRoundTrip(t *testing.T) {
	f := populated(t)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Tasks, 5)

	ctx, k2 := f.importGenesis(gs)
	gs2, err := k2.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, gs, gs2)
	require.NoError(t, k2.CheckEscrowInvariant(ctx))
	// The indexes, queues and counters kept up to date transition by
	// transition are exactly those rebuilt from scratch.
	require.Equal(t, derived(t, f.ctx, f.k), derived(t, ctx, k2))

	// The rebuilt state behaves like the original.
	f.k, f.ctx = k2, ctx
	f.msgs, f.queries = keeper.NewMsgServerImpl(k2), keeper.NewQueryServerImpl(k2)
	require.Equal(t, uint64(4), f.claim(f.worker, 1, 0))
	require.Equal(t, uint64(6), f.submitTask(1, price), "sequences survive")
	f.run(time.Minute)
	require.Equal(t, types.TASK_STATUS_OPEN, f.task(5).Status, "imported claim lapsed")
	f.advance(time.Hour)
	require.Equal(t, types.TASK_STATUS_EXPIRED, f.task(5).Status, "imported deadline expired")
	require.NoError(t, f.k.CheckEscrowInvariant(f.ctx))
}

// TestGenesisRebuildsBucketIndexes checks that the reputation-bucketed
// open-task indexes and the routing index kept up to date transition by
// transition are those rebuilt from scratch, with open tasks in several
// buckets, in an inactive pool and of two models, and that the imported state
// finds the same best task and routes to the same pool.
func TestGenesisRebuildsBucketIndexes(t *testing.T) {
	f := newFixture(t)
	f.setPoolCreationFee(nil)
	f.addModel2()
	for i, minRep := range []int64{-5, 0, 1, 100, 127, 1_000, 1 << 62} {
		pool := f.newPool(irisID, minRep)
		f.submitTask(pool, price+int64(i))
		f.submitTask(f.newPool(2, minRep), 2*price)
	}
	_, err := f.msgs.SetPoolActive(f.ctx, &types.MsgSetPoolActive{Creator: f.str(f.owner), PoolId: 7})
	require.NoError(t, err)
	f.readyWorker(f.worker)
	f.claim(f.worker, 3, 0)
	_, err = f.msgs.CancelTask(f.ctx, &types.MsgCancelTask{Creator: f.str(f.creator), TaskId: 4})
	require.NoError(t, err)

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	ctx, k2 := f.importGenesis(gs)
	want := derived(t, f.ctx, f.k)
	require.Len(t, want.OpenByBucket, 12)
	require.Len(t, want.OpenByVersion, 12)
	require.Len(t, want.PoolsByLoad, 4, "only the pools open to every worker are routable")
	require.Equal(t, want, derived(t, ctx, k2))
	for _, model := range []uint64{irisID, 2} {
		a, _, err := f.k.LeastLoadedPool(f.ctx, model, time.Hour)
		require.NoError(t, err)
		b, _, err := k2.LeastLoadedPool(ctx, model, time.Hour)
		require.NoError(t, err)
		require.Equal(t, a, b)
		require.LessOrEqual(t, b.MinReputation, int64(0))
	}
	for _, rep := range []int64{0, 100, 1_000, 1 << 62} {
		for _, model := range []uint64{0, irisID, 2} {
			a, foundA, err := f.k.BestOpenTask(f.ctx, forModel(model), rep)
			require.NoError(t, err)
			b, foundB, err := k2.BestOpenTask(ctx, forModel(model), rep)
			require.NoError(t, err)
			require.Equal(t, foundA, foundB)
			require.Equal(t, a.Id, b.Id, "reputation %d, model %d", rep, model)
		}
	}
}

// importGenesis loads gs into a keeper on a fresh store, with the fixture's
// fakes, and returns it with its context.
func (f *fixture) importGenesis(gs *types.GenesisState) (sdk.Context, keeper.Keeper) {
	f.t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(f.t, key, storetypes.NewTransientStoreKey("t2")).Ctx.
		WithBlockTime(f.ctx.BlockTime()).WithChainID(chainID)
	cdc := moduletestutil.MakeTestEncodingConfig(taskpool.AppModule{}).Codec
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), addresscodec.NewBech32Codec("hyra"), f.bank, f.distr, f.models, f.rewards, verifier.New(), f.authority)
	require.NoError(f.t, k.InitGenesis(ctx, gs))
	return ctx, k
}

func TestGenesisValidate(t *testing.T) {
	f := populated(t)
	tests := []struct {
		name    string
		mutate  func(gs *types.GenesisState)
		wantErr string
	}{
		{name: "success - exported state", mutate: func(*types.GenesisState) {}},
		{name: "success - default", mutate: func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() }},
		{name: "error - bad params", mutate: func(gs *types.GenesisState) { gs.Params.MaxActiveTasks = 0 }, wantErr: "max_active_tasks"},
		{name: "error - zero next id", mutate: func(gs *types.GenesisState) { gs.NextTaskId = 0 }, wantErr: "must be positive"},
		{name: "error - pool id past the sequence", mutate: func(gs *types.GenesisState) { gs.NextPoolId = 2 }, wantErr: "pool id 2 out of range"},
		{name: "error - duplicate pool", mutate: func(gs *types.GenesisState) { gs.Pools[1].Id = 1 }, wantErr: "duplicate pool id 1"},
		{name: "error - duplicate task", mutate: func(gs *types.GenesisState) { gs.Tasks[1].Id = 1 }, wantErr: "duplicate task id 1"},
		{name: "error - task in unknown pool", mutate: func(gs *types.GenesisState) { gs.Tasks[0].PoolId = 9 }, wantErr: "unknown pool 9"},
		{name: "error - wrong pool counts", mutate: func(gs *types.GenesisState) { gs.Pools[0].OpenTasks++ }, wantErr: "counts open/claimed/completed"},
		{name: "error - unspecified status", mutate: func(gs *types.GenesisState) { gs.Tasks[1].Status = types.TASK_STATUS_UNSPECIFIED }, wantErr: "invalid status"},
		{name: "error - short input commitment", mutate: func(gs *types.GenesisState) { gs.Tasks[1].InputCommitment = gs.Tasks[1].InputCommitment[:31] }, wantErr: "input commitment is 31 bytes"},
		{name: "success - no input commitment (a task stored before it existed)", mutate: func(gs *types.GenesisState) { gs.Tasks[1].InputCommitment = nil }},
		{name: "error - unknown input encoding", mutate: func(gs *types.GenesisState) { gs.Tasks[1].InputEncoding = 7 }, wantErr: "task 2: input_encoding 7 is unknown"},
		{name: "error - input that does not fit its encoding", mutate: func(gs *types.GenesisState) {
			gs.Tasks[1].InputEncoding = types.VECTOR_ENCODING_INT16
			gs.Tasks[1].Input = []byte{1, 2, 3}
		}, wantErr: "task 2: invalid vector: length 3 is not a multiple of 2 (INT16)"},
		{name: "error - empty input", mutate: func(gs *types.GenesisState) { gs.Tasks[1].Input = nil }, wantErr: "task 2: input is 0 bytes"},
		{name: "error - claim without worker", mutate: func(gs *types.GenesisState) { gs.Tasks[4].Worker = "" }, wantErr: "claimed task 5 needs a worker"},
		{name: "error - claim not listed by its worker", mutate: func(gs *types.GenesisState) { gs.Workers[1].ActiveTaskIds = nil }, wantErr: "1 tasks are claimed but workers list 0"},
		{name: "error - worker lists a task it does not hold", mutate: func(gs *types.GenesisState) { gs.Workers[0].ActiveTaskIds = []uint64{4} }, wantErr: "not a claim of its own"},
		{name: "error - duplicate worker", mutate: func(gs *types.GenesisState) { gs.Workers[1].Address = gs.Workers[0].Address }, wantErr: "duplicate worker"},
		{name: "error - zero reward", mutate: func(gs *types.GenesisState) { gs.Tasks[3].Reward = coin(0) }, wantErr: "valid positive coin"},
		{name: "error - negative outage credit", mutate: func(gs *types.GenesisState) { gs.OutageClock.Credit = -time.Second }, wantErr: "credit -1s is negative"},
		{name: "error - claim outage credit beyond the clock's", mutate: func(gs *types.GenesisState) { gs.Tasks[4].ClaimOutageCredit = time.Second }, wantErr: "claimed task 5: claim_outage_credit 1s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := f.k.ExportGenesis(f.ctx)
			require.NoError(t, err)
			tc.mutate(gs)
			err = gs.Validate()
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
		})
	}
}

// derivedState is everything x/taskpool derives from pools, tasks and workers.
type derivedState struct {
	Stats                                  types.Stats
	PoolsByModel, PoolsByLoad, ByPoolState []string
	ByStatus, ByCreator, Claims, Deadlines []string
	OpenByReward, OpenByModelReward        []string
	OpenByBucket, OpenByModelBucket        []string
	OpenByVersion                          []string
}

func derived(t *testing.T, ctx sdk.Context, k keeper.Keeper) derivedState {
	t.Helper()
	var d derivedState
	var err error
	d.Stats, err = k.GetStats(ctx)
	require.NoError(t, err)
	d.PoolsByModel = keys(t, ctx, k.PoolsByModel)
	d.PoolsByLoad = keys(t, ctx, k.PoolsByLoad)
	d.ByPoolState = keys(t, ctx, k.TasksByPoolStatus)
	d.ByStatus = keys(t, ctx, k.TasksByStatus)
	d.ByCreator = keys(t, ctx, k.TasksByCreator)
	d.Claims = keys(t, ctx, k.ClaimQueue)
	d.Deadlines = keys(t, ctx, k.DeadlineQueue)
	d.OpenByReward = keys(t, ctx, k.OpenByReward)
	d.OpenByModelReward = keys(t, ctx, k.OpenByModelReward)
	d.OpenByBucket = keys(t, ctx, k.OpenByBucket)
	d.OpenByModelBucket = keys(t, ctx, k.OpenByModelBucket)
	d.OpenByVersion = keys(t, ctx, k.OpenByVersion)
	return d
}

// keys lists the keys of a key set, encoded in hex.
func keys[K any](t *testing.T, ctx sdk.Context, ks collections.KeySet[K]) []string {
	t.Helper()
	var out []string
	require.NoError(t, ks.Walk(ctx, nil, func(k K) (bool, error) {
		bz, err := collections.EncodeKeyWithPrefix(nil, ks.KeyCodec(), k)
		out = append(out, hex.EncodeToString(bz))
		return false, err
	}))
	return out
}
