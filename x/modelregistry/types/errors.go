package types

import "cosmossdk.io/errors"

// Errors of x/modelregistry. Code 1 is reserved by the SDK.
var (
	ErrInvalidName         = errors.Register(ModuleName, 2, "invalid model name")
	ErrInvalidDescription  = errors.Register(ModuleName, 3, "invalid model description")
	ErrInvalidPrice        = errors.Register(ModuleName, 4, "invalid model price")
	ErrModelNotFound       = errors.Register(ModuleName, 5, "model not found")
	ErrVersionNotFound     = errors.Register(ModuleName, 6, "model version not found")
	ErrUnauthorized        = errors.Register(ModuleName, 7, "signer is not the model owner")
	ErrInvalidVerifyingKey = errors.Register(ModuleName, 8, "invalid verifying key")
	ErrInvalidArtifact     = errors.Register(ModuleName, 9, "invalid model artifact")
	ErrArtifactHash        = errors.Register(ModuleName, 10, "artifact hash mismatch")
	ErrInvalidSchema       = errors.Register(ModuleName, 11, "input schema does not match the artifact")
	ErrProofSystem         = errors.Register(ModuleName, 12, "unsupported proof system")
	ErrInvalidParams       = errors.Register(ModuleName, 13, "invalid params")
	ErrInvalidAuthority    = errors.Register(ModuleName, 14, "invalid authority")
	ErrInvalidAddress      = errors.Register(ModuleName, 15, "invalid address")
	ErrNoChange            = errors.Register(ModuleName, 16, "nothing to change")
)
