package types

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// TakesPrivateTasks reports whether the model has a private price: a model
// whose owner set none (zero or unset) takes no private tasks, whatever its
// artifact can prove.
func (m Model) TakesPrivateTasks() bool {
	return IsSetPrice(m.PrivatePrice)
}

// IsSetPrice reports whether a price is set: a non-nil, positive amount. An
// unset private price decodes with a nil amount, which sdk.Coin's methods
// cannot take.
func IsSetPrice(c sdk.Coin) bool {
	return !c.Amount.IsNil() && c.Amount.IsPositive()
}

// CheckPrivatePrice checks a model's private price against its price: unset
// or zero (no private tasks), or a valid positive coin of the price's denom.
func CheckPrivatePrice(price, private sdk.Coin) error {
	if private.Amount.IsNil() || (private.Amount.IsZero() && private.Denom == "") {
		return nil
	}
	if err := private.Validate(); err != nil {
		return fmt.Errorf("private price: %w", err)
	}
	if private.Denom != price.Denom {
		return fmt.Errorf("private price must be in the price's denom %s, got %q", price.Denom, private.Denom)
	}
	return nil
}
