package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

// RegisterWorker registers addr as an active worker, or reactivates a
// deactivated one with its record intact. Registration is free; claiming
// also needs a bond in x/rewards.
func (k Keeper) RegisterWorker(ctx context.Context, addr sdk.AccAddress) error {
	addrStr, err := k.addrString(addr)
	if err != nil {
		return err
	}
	w, err := k.Workers.Get(ctx, addr)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		w = types.Worker{Address: addrStr}
	case err != nil:
		return err
	case w.Active:
		return errorsmod.Wrapf(types.ErrWorkerExists, "%s", addrStr)
	}
	w.Active = true
	w.RegisteredHeight = sdk.UnwrapSDKContext(ctx).BlockHeight()
	if err := k.Workers.Set(ctx, addr, w); err != nil {
		return err
	}
	if err := k.updateStats(ctx, func(s *types.Stats) { s.ActiveWorkers++ }); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWorkerRegistered{Worker: addrStr})
}

// DeactivateWorker stops addr from claiming new tasks. Claims it already
// holds stay: it may still complete them, or they lapse as usual.
func (k Keeper) DeactivateWorker(ctx context.Context, addr sdk.AccAddress) error {
	w, err := k.GetWorker(ctx, addr)
	if err != nil {
		return err
	}
	if !w.Active {
		return errorsmod.Wrapf(types.ErrWorkerInactive, "%s is already inactive", w.Address)
	}
	w.Active = false
	if err := k.Workers.Set(ctx, addr, w); err != nil {
		return err
	}
	if err := k.updateStats(ctx, func(s *types.Stats) { s.ActiveWorkers-- }); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWorkerDeactivated{Worker: w.Address})
}

// updateWorker applies f to a worker's record and stores it.
func (k Keeper) updateWorker(ctx context.Context, addr sdk.AccAddress, f func(*types.Worker)) error {
	w, err := k.GetWorker(ctx, addr)
	if err != nil {
		return err
	}
	f(&w)
	return k.Workers.Set(ctx, addr, w)
}

// removeID returns ids without id, keeping the order.
func removeID(ids []uint64, id uint64) []uint64 {
	out := make([]uint64, 0, len(ids))
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
