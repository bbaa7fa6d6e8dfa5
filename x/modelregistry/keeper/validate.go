package keeper

import (
	"bytes"
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// validatePrice checks that a price is a positive amount of the chain's bond
// denom, the currency tasks are paid in.
func (k Keeper) validatePrice(ctx context.Context, price sdk.Coin) error {
	if err := price.Validate(); err != nil {
		return errorsmod.Wrap(types.ErrInvalidPrice, err.Error())
	}
	if !price.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidPrice, "price must be positive, got %s", price)
	}
	denom, err := k.stakingKeeper.BondDenom(ctx)
	if err != nil {
		return err
	}
	if price.Denom != denom {
		return errorsmod.Wrapf(types.ErrInvalidPrice, "price must be in %s, got denom %q", denom, price.Denom)
	}
	return nil
}

// ownedModel loads a model and checks that signer owns it. Addresses are
// compared as bytes, so that any valid spelling of the owner's address works.
func (k Keeper) ownedModel(ctx context.Context, signer sdk.AccAddress, id uint64) (types.Model, error) {
	m, err := k.GetModel(ctx, id)
	if err != nil {
		return m, err
	}
	ownerBz, err := k.addressCodec.StringToBytes(m.Owner)
	if err != nil {
		return m, err
	}
	if !bytes.Equal(ownerBz, signer) {
		return m, errorsmod.Wrapf(types.ErrUnauthorized, "model %d is owned by %s", id, m.Owner)
	}
	return m, nil
}
