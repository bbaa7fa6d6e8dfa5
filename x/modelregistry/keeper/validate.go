package keeper

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// validateName checks a model name: not blank, valid UTF-8, within the cap.
func validateName(name string, p types.Params) error {
	if strings.TrimSpace(name) == "" {
		return errorsmod.Wrap(types.ErrInvalidName, "name is empty")
	}
	if !utf8.ValidString(name) {
		return errorsmod.Wrap(types.ErrInvalidName, "name is not valid UTF-8")
	}
	if n := len(name); n > int(p.MaxNameLength) {
		return errorsmod.Wrapf(types.ErrInvalidName, "name is %d bytes, the limit is %d", n, p.MaxNameLength)
	}
	return nil
}

// validateDescription checks a model description: not blank, valid UTF-8, within the cap.
func validateDescription(desc string, p types.Params) error {
	if strings.TrimSpace(desc) == "" {
		return errorsmod.Wrap(types.ErrInvalidDescription, "description is empty")
	}
	if !utf8.ValidString(desc) {
		return errorsmod.Wrap(types.ErrInvalidDescription, "description is not valid UTF-8")
	}
	if n := len(desc); n > int(p.MaxDescriptionLength) {
		return errorsmod.Wrapf(types.ErrInvalidDescription, "description is %d bytes, the limit is %d", n, p.MaxDescriptionLength)
	}
	return nil
}

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
func (k Keeper) ownedModel(ctx context.Context, signer string, id uint64) (types.Model, error) {
	signerBz, err := k.addressCodec.StringToBytes(signer)
	if err != nil {
		return types.Model{}, errorsmod.Wrapf(types.ErrInvalidAddress, "owner: %s", err)
	}
	m, err := k.GetModel(ctx, id)
	if err != nil {
		return m, err
	}
	ownerBz, err := k.addressCodec.StringToBytes(m.Owner)
	if err != nil {
		return m, err
	}
	if !bytes.Equal(ownerBz, signerBz) {
		return m, errorsmod.Wrapf(types.ErrUnauthorized, "model %d is owned by %s", id, m.Owner)
	}
	return m, nil
}
