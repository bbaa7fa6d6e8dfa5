package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// addressString spells an address of the chain, rejecting an empty one.
func (k Keeper) addressString(addr sdk.AccAddress, field string) (string, error) {
	if len(addr) == 0 {
		return "", errorsmod.Wrapf(types.ErrInvalidAddress, "%s is empty", field)
	}
	s, err := k.addressCodec.BytesToString(addr)
	if err != nil {
		return "", errorsmod.Wrapf(types.ErrInvalidAddress, "%s: %s", field, err)
	}
	return s, nil
}

// validateBondAmount checks that amount is a positive amount of the bond
// denom, the only denom bonds and the reward pool hold.
func validateBondAmount(amount sdk.Coin, p types.Params) error {
	if err := amount.Validate(); err != nil {
		return errorsmod.Wrap(types.ErrInvalidAmount, err.Error())
	}
	if amount.Denom != p.BondDenom() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "amount must be in %s, got denom %q", p.BondDenom(), amount.Denom)
	}
	if !amount.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "amount must be positive, got %s", amount)
	}
	return nil
}
