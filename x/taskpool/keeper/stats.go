package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// GetStats returns the network-wide counters: tasks by live status, active
// pools and workers, and the volume paid for completed tasks.
func (k Keeper) GetStats(ctx context.Context) (types.Stats, error) {
	s, err := k.Stats.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Stats{}, nil
	}
	return s, err
}

// updateStats applies f to the counters and stores them.
func (k Keeper) updateStats(ctx context.Context, f func(*types.Stats)) error {
	s, err := k.GetStats(ctx)
	if err != nil {
		return err
	}
	f(&s)
	return k.Stats.Set(ctx, s)
}
