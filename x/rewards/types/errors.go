package types

import "cosmossdk.io/errors"

// Errors of x/rewards. Code 1 is reserved by the SDK.
var (
	ErrInvalidAmount       = errors.Register(ModuleName, 2, "invalid amount")
	ErrInsufficientBond    = errors.Register(ModuleName, 3, "insufficient bond")
	ErrBondNotFound        = errors.Register(ModuleName, 4, "bond not found")
	ErrTooManyUnbondings   = errors.Register(ModuleName, 5, "too many unbondings in flight")
	ErrInvalidEscrow       = errors.Register(ModuleName, 6, "invalid escrow")
	ErrUnknownModule       = errors.Register(ModuleName, 7, "unknown module account")
	ErrInvalidParams       = errors.Register(ModuleName, 8, "invalid params")
	ErrInvalidAuthority    = errors.Register(ModuleName, 9, "invalid authority")
	ErrInvalidAddress      = errors.Register(ModuleName, 10, "invalid address")
	ErrArithmeticOverflow  = errors.Register(ModuleName, 11, "arithmetic overflow")
	ErrInvalidGenesisState = errors.Register(ModuleName, 12, "invalid genesis state")
)
