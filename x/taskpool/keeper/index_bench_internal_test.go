package keeper

import (
	"testing"
	"time"

	corestore "cosmossdk.io/core/store"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// BenchmarkTaskIndexes compares the hand-kept task indexes (saveTask, index.go) with the same
// indexes declared on a collections.IndexedMap, over a task's life: submit, claim, complete,
// and a second task's submit and expiry, on an IAVL store that already holds 1,000 open tasks.
// It reports the gas of each step (the KV reads and writes, deterministic) besides the time.
//
//	go test -run '^$' -bench TaskIndexes -benchtime 2000x ./x/taskpool/keeper/
//
// The IndexedMap side is given every advantage: it keeps no pool or global counters (saveTask
// does), and it reads each pool's reputation bucket from memory (saveTask reads the pool).
func BenchmarkTaskIndexes(b *testing.B) {
	b.Run("hand-kept", func(b *testing.B) {
		ctx, k, _ := benchKeeper(b)
		benchLifecycles(b, ctx, func(prev *types.Task, task types.Task) error { return k.saveTask(ctx, prev, task) })
	})
	b.Run("IndexedMap", func(b *testing.B) {
		ctx, k, svc := benchKeeper(b)
		tasks := newIndexedTasks(b, svc, k.cdc, k.addressCodec)
		benchLifecycles(b, ctx, func(_ *types.Task, task types.Task) error { return tasks.Set(ctx, task.Id, task) })
	})
}

// benchLifecycles saves 1,000 open tasks, then runs b.N lifecycles through save and reports
// the gas of each step.
func benchLifecycles(b *testing.B, ctx sdk.Context, save func(prev *types.Task, task types.Task) error) {
	b.Helper()
	creator, err := addresscodec.NewBech32Codec("hyra").BytesToString(make([]byte, 20))
	require.NoError(b, err)
	now := ctx.BlockTime()
	newTask := func(id uint64) types.Task {
		return types.Task{
			Id: id, PoolId: 1, ModelId: 1, ModelVersion: 1, Creator: creator, Status: types.TASK_STATUS_OPEN,
			Reward: sdk.NewInt64Coin("uhyra", int64(1000+id%97)), Deadline: now.Add(time.Hour), CreatedAt: now,
		}
	}
	id := uint64(0)
	for range 1000 {
		id++
		require.NoError(b, save(nil, newTask(id)))
	}
	var gas [5]uint64
	step := func(i int, prev *types.Task, task types.Task) {
		before := ctx.GasMeter().GasConsumed()
		if err := save(prev, task); err != nil {
			b.Fatal(err)
		}
		gas[i] += ctx.GasMeter().GasConsumed() - before
	}
	b.ResetTimer()
	for range b.N {
		id++
		open := newTask(id)
		step(0, nil, open)
		claimed := open
		claimed.Status, claimed.Worker, claimed.ClaimExpiry = types.TASK_STATUS_CLAIMED, creator, now.Add(time.Minute)
		step(1, &open, claimed)
		completed := claimed
		completed.Status, completed.CompletedAt = types.TASK_STATUS_COMPLETED, now
		step(2, &claimed, completed)

		id++
		open2 := newTask(id)
		step(3, nil, open2)
		expired := open2
		expired.Status = types.TASK_STATUS_EXPIRED
		step(4, &open2, expired)
	}
	for i, name := range []string{"submit", "claim", "complete", "submit2", "expire"} {
		b.ReportMetric(float64(gas[i])/float64(b.N), "gas/"+name)
	}
}

// benchKeeper is a keeper on an IAVL store with pool 1 (model 1, open to everyone), and the
// store's service for the IndexedMap side.
func benchKeeper(b *testing.B) (sdk.Context, Keeper, corestore.KVStoreService) {
	b.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(b, key, storetypes.NewTransientStoreKey("transient_bench")).Ctx.
		WithBlockTime(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)).WithGasMeter(storetypes.NewInfiniteGasMeter())
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	ac := addresscodec.NewBech32Codec("hyra")
	authority, err := ac.BytesToString(make([]byte, 20))
	require.NoError(b, err)
	svc := runtime.NewKVStoreService(key)
	k := NewKeeper(cdc, svc, ac, nil, nil, nil, nil, nil, authority)
	require.NoError(b, k.Pools.Set(ctx, 1, types.Pool{Id: 1, ModelId: 1, Active: true, ClaimTimeout: time.Minute}))
	return ctx, k, svc
}
