package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// UpdateParams replaces the module params when authority is the module's
// authority (governance) and the params are valid.
func (k Keeper) UpdateParams(ctx context.Context, authority string, p types.Params) error {
	if err := keeperutil.CheckAuthority(types.ErrInvalidAuthority, k.authority, authority); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	return k.Params.Set(ctx, p)
}
