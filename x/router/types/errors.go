package types

import "cosmossdk.io/errors"

// Errors of x/router. Code 1 is reserved by the SDK.
var (
	ErrInvalidAddress  = errors.Register(ModuleName, 2, "invalid address")
	ErrModelInactive   = errors.Register(ModuleName, 3, "model is not active")
	ErrNoTaskAvailable = errors.Register(ModuleName, 4, "no open task available")
	ErrInvalidFilter   = errors.Register(ModuleName, 5, "invalid claim constraints")
	ErrNoRoutablePool  = errors.Register(ModuleName, 6, "no pool can take the task by its deadline")
)
