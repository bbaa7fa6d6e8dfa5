package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// maxScan bounds how many entries a random pick looks at, so that a factory
// stays cheap however large the state grows.
const maxScan = 32

// RandomPool returns a random pool that accept admits, looking at a few
// pools from a random id on; ok is false when none was found.
func RandomPool(ctx context.Context, k keeper.Keeper, r *simsx.XRand, accept func(types.Pool) bool) (types.Pool, bool) {
	next, err := k.PoolSeq.Peek(ctx)
	if err != nil || next <= 1 {
		return types.Pool{}, false
	}
	start := 1 + uint64(r.Int63n(int64(next-1)))
	for i := uint64(0); i < min(next-1, maxScan); i++ {
		p, err := k.GetPool(ctx, 1+(start-1+i)%(next-1))
		if err == nil && accept(p) {
			return p, true
		}
	}
	return types.Pool{}, false
}

// RandomTask returns a random task of a status that accept admits, through
// the status index from a random id on (wrapping around).
func RandomTask(ctx context.Context, k keeper.Keeper, r *simsx.XRand, status types.TaskStatus, accept func(types.Task) bool) (types.Task, bool) {
	next, err := k.TaskSeq.Peek(ctx)
	if err != nil || next <= 1 {
		return types.Task{}, false
	}
	start := 1 + uint64(r.Int63n(int64(next-1)))
	ranges := []collections.Ranger[collections.Pair[int32, uint64]]{
		collections.NewPrefixedPairRange[int32, uint64](int32(status)).StartInclusive(start),
		collections.NewPrefixedPairRange[int32, uint64](int32(status)).EndExclusive(start),
	}
	var found types.Task
	scanned := 0
	for _, rng := range ranges {
		err := k.TasksByStatus.Walk(ctx, rng, func(key collections.Pair[int32, uint64]) (bool, error) {
			t, err := k.GetTask(ctx, key.K2())
			if err != nil {
				return true, err
			}
			if accept(t) {
				found = t
				return true, nil
			}
			scanned++
			return scanned >= maxScan, nil
		})
		if err != nil || found.Id != 0 || scanned >= maxScan {
			break
		}
	}
	return found, found.Id != 0
}

// RandomWorker returns a random worker record that accept admits, from a
// random address on (wrapping around).
func RandomWorker(ctx context.Context, k keeper.Keeper, r *simsx.XRand, accept func(types.Worker) bool) (types.Worker, bool) {
	start := make(sdk.AccAddress, 20)
	_, _ = r.Read(start)
	ranges := []collections.Ranger[sdk.AccAddress]{
		new(collections.Range[sdk.AccAddress]).StartInclusive(start),
		new(collections.Range[sdk.AccAddress]).EndExclusive(start),
	}
	var found types.Worker
	ok, scanned := false, 0
	for _, rng := range ranges {
		err := k.Workers.Walk(ctx, rng, func(_ sdk.AccAddress, w types.Worker) (bool, error) {
			if accept(w) {
				found, ok = w, true
				return true, nil
			}
			scanned++
			return scanned >= maxScan, nil
		})
		if err != nil || ok || scanned >= maxScan {
			break
		}
	}
	return found, ok
}
