package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// InitGenesis loads a validated genesis state into the store and rebuilds
// the indexes, expiry queues and counters from the pools, tasks and workers.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.checkClaimsWithinUnbonding(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.Stats.Set(ctx, types.Stats{}); err != nil {
		return err
	}
	if err := k.OutageClock.Set(ctx, gs.OutageClock); err != nil {
		return err
	}
	// Sequence.Next returns the stored value, so store the next ids themselves.
	if err := k.PoolSeq.Set(ctx, gs.NextPoolId); err != nil {
		return err
	}
	if err := k.TaskSeq.Set(ctx, gs.NextTaskId); err != nil {
		return err
	}
	for _, p := range gs.Pools {
		if err := k.PoolsByModel.Set(ctx, collections.Join(p.ModelId, p.Id)); err != nil {
			return err
		}
		// The counters are rebuilt by saveTask below; genesis validation
		// has checked that they match the tasks.
		p.OpenTasks, p.ClaimedTasks, p.CompletedTasks = 0, 0, 0
		if err := k.Pools.Set(ctx, p.Id, p); err != nil {
			return err
		}
		if p.Active {
			if err := k.setPoolLoad(ctx, p); err != nil {
				return err
			}
		}
	}
	for _, t := range gs.Tasks {
		if err := k.saveTask(ctx, nil, t); err != nil { // counts a completed task's reward into the volume paid
			return err
		}
	}
	for _, w := range gs.Workers {
		addr, err := k.addressCodec.StringToBytes(w.Address)
		if err != nil {
			return err
		}
		if err := k.Workers.Set(ctx, sdk.AccAddress(addr), w); err != nil {
			return err
		}
		if w.Active {
			if err := k.updateStats(ctx, func(s *types.Stats) { s.ActiveWorkers++ }); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExportGenesis writes the pools, tasks and workers, in key order, and the
// outage clock; indexes and queues are derived state and are rebuilt on
// import.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	nextPool, err := k.PoolSeq.Peek(ctx)
	if err != nil {
		return nil, err
	}
	nextTask, err := k.TaskSeq.Peek(ctx)
	if err != nil {
		return nil, err
	}
	clock, err := k.OutageClock.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextPoolId: nextPool, NextTaskId: nextTask, OutageClock: clock}
	if gs.Pools, err = keeperutil.Values(ctx, k.Pools); err != nil {
		return nil, err
	}
	if gs.Tasks, err = keeperutil.Values(ctx, k.Tasks); err != nil {
		return nil, err
	}
	if gs.Workers, err = keeperutil.Values(ctx, k.Workers); err != nil {
		return nil, err
	}
	return gs, nil
}
