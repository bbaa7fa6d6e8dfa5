package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/rewards/types"
)

// UpdateParams replaces the module params when authority is the module's
// authority (governance) and the params are valid. The bond denom cannot
// change: bonds, unbondings and the pool are held in it.
func (k Keeper) UpdateParams(ctx context.Context, authority string, p types.Params) error {
	if err := keeperutil.CheckAuthority(types.ErrInvalidAuthority, k.authority, authority); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	old, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if p.BondDenom() != old.BondDenom() {
		return errorsmod.Wrapf(types.ErrInvalidParams, "the bond denom cannot change from %s to %s", old.BondDenom(), p.BondDenom())
	}
	if err := k.checkUnbondingOutlastsClaims(ctx, p.UnbondingPeriod); err != nil {
		return errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	return k.Params.Set(ctx, p)
}
