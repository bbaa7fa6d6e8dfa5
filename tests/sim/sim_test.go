package sim

import (
	"encoding/json"
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"cosmossdk.io/x/feegrant"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// simProfile is how long the simulations run: see profile. The full-app
// test runs every seed; the determinism and import/export tests, which run
// twice as much each, the first checkSeeds of them.
type simProfile struct {
	seeds      []int64
	checkSeeds int
	numBlocks  int
	blockSize  int
}

// run simulates one seed and then runs post on the app.
func run(t *testing.T, seed int64, post func(testing.TB, simsx.TestInstance[*simApp])) {
	t.Helper()
	cfg := simConfig(profile.numBlocks, profile.blockSize)
	simsx.RunWithSeed(t, cfg, newSimApp, stateFactory, seed, nil,
		func(tb testing.TB, ti simsx.TestInstance[*simApp], _ []simtypes.Account) {
			tb.Helper()
			post(tb, ti)
		})
}

// committedCtx is a context on the app's last committed state.
func committedCtx(a *simApp) sdk.Context {
	return a.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight()})
}

// TestFullAppSimulation runs the whole app, every module's operations, for
// each seed, and checks the Hyra invariants at the end (they are also
// checked once a block while it runs) and that the task flow really ran.
func TestFullAppSimulation(t *testing.T) {
	for _, seed := range profile.seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			run(t, seed, func(tb testing.TB, ti simsx.TestInstance[*simApp]) {
				tb.Helper()
				ctx := committedCtx(ti.App)
				require.NoError(tb, checkInvariants(ctx, ti.App.App))
				stats, err := ti.App.TaskPoolKeeper.GetStats(ctx)
				require.NoError(tb, err)
				next, err := ti.App.TaskPoolKeeper.TaskSeq.Peek(ctx)
				require.NoError(tb, err)
				tb.Logf("seed %d: %d tasks, stats %+v", seed, next-1, stats)
				require.Positive(tb, stats.CompletedTasks, "no task was completed: the proof path did not run")
				begun, contributions, err := setupCounts(ctx, ti.App.App)
				require.NoError(tb, err)
				tb.Logf("seed %d: %d setups begun, %d contributions", seed, begun, contributions)
				require.Positive(tb, contributions, "no setup contribution was recorded: the setup operations did not run")
			})
		})
	}
}

// TestAppStateDeterminism runs each seed twice and requires the same app
// hash: a state transition that depends on anything but the blocks (map
// order, time, randomness) shows up as a different hash.
func TestAppStateDeterminism(t *testing.T) {
	for _, seed := range profile.seeds[:profile.checkSeeds] {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			var hashes [][]byte
			for i := 0; i < 2; i++ {
				run(t, seed, func(tb testing.TB, ti simsx.TestInstance[*simApp]) {
					tb.Helper()
					hashes = append(hashes, ti.App.LastCommitID().Hash)
				})
			}
			require.Len(t, hashes, 2)
			require.NotEmpty(t, hashes[0])
			require.Equal(t, hashes[0], hashes[1], "non-determinism with seed %d", seed)
		})
	}
}

// TestAppImportExport exports the state after a simulation of each seed,
// imports it into a fresh app, and requires every store to be the same, but
// for the few prefixes the SDK's own modules rebuild differently (as in
// simapp).
func TestAppImportExport(t *testing.T) {
	for _, seed := range profile.seeds[:profile.checkSeeds] {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			run(t, seed, checkImportExport)
		})
	}
}

// checkImportExport is the body of TestAppImportExport for one seed.
func checkImportExport(tb testing.TB, ti simsx.TestInstance[*simApp]) {
	tb.Helper()
	a := ti.App
	exported, err := a.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(tb, err)

	fresh := simsx.NewSimulationAppInstance(tb, ti.Cfg, newSimApp).App
	var genesis map[string]json.RawMessage
	require.NoError(tb, json.Unmarshal(exported.AppState, &genesis))
	ctxB := fresh.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight()})
	_, err = fresh.ModuleManager.InitGenesis(ctxB, fresh.AppCodec(), genesis)
	require.NoError(tb, err)
	require.NoError(tb, fresh.StoreConsensusParams(ctxB, exported.ConsensusParams))

	skip := map[string][][]byte{
		stakingtypes.StoreKey: {
			stakingtypes.UnbondingQueueKey, stakingtypes.RedelegationQueueKey, stakingtypes.ValidatorQueueKey,
			stakingtypes.HistoricalInfoKey, stakingtypes.UnbondingIDKey, stakingtypes.UnbondingIndexKey,
			stakingtypes.UnbondingTypeKey, stakingtypes.ValidatorUpdatesKey,
		},
		authzkeeper.StoreKey:   {authzkeeper.GrantQueuePrefix},
		feegrant.StoreKey:      {feegrant.FeeAllowanceQueueKeyPrefix},
		slashingtypes.StoreKey: {slashingtypes.ValidatorMissedBlockBitmapKeyPrefix},
	}
	assertEqualStores(tb, a, fresh, skip)
}

// assertEqualStores compares every KV store of two apps at a's last height.
func assertEqualStores(tb testing.TB, a, b *simApp, skip map[string][][]byte) {
	tb.Helper()
	ctxA := committedCtx(a)
	ctxB := b.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight()})
	compared := 0
	for _, keyA := range a.GetStoreKeys() {
		if _, ok := keyA.(*storetypes.KVStoreKey); !ok {
			continue
		}
		name := keyA.Name()
		keyB := b.UnsafeFindStoreKey(name)
		require.NotNil(tb, keyB, "store %s", name)
		diffA, diffB := simtestutil.DiffKVStores(ctxA.KVStore(keyA), ctxB.KVStore(keyB), skip[name])
		require.Equal(tb, len(diffA), len(diffB), "store %s: unequal sets of key-values", name)
		require.Empty(tb, diffA, "store %s:\n%s", name, simtestutil.GetSimulationLog(name, a.SimulationManager().StoreDecoders, diffA, diffB))
		compared++
	}
	require.Positive(tb, compared)
}
