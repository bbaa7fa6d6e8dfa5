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

	// Errors of the multi-party setup of verifying keys.
	ErrSinglePartyKey           = errors.Register(ModuleName, 17, "single-party verifying keys are not accepted")
	ErrSetupStatus              = errors.Register(ModuleName, 18, "wrong setup status for this operation")
	ErrSetupExists              = errors.Register(ModuleName, 19, "setup already begun")
	ErrSetupNotFound            = errors.Register(ModuleName, 20, "setup not found")
	ErrInvalidSetup             = errors.Register(ModuleName, 21, "invalid setup start")
	ErrNoSetupAnchor            = errors.Register(ModuleName, 22, "no phase-1 setup anchor in params")
	ErrBadContribution          = errors.Register(ModuleName, 23, "invalid setup contribution")
	ErrDuplicateContributor     = errors.Register(ModuleName, 24, "account already contributed to this setup")
	ErrTooManyContributions     = errors.Register(ModuleName, 25, "setup has reached max_setup_contributions")
	ErrNotEnoughContributors    = errors.Register(ModuleName, 26, "setup has too few contributors")
	ErrNoIndependentContributor = errors.Register(ModuleName, 27, "no contributor is independent of the owner")
	ErrSetupPending             = errors.Register(ModuleName, 28, "model version's key setup has not finished")
	ErrVersionRetired           = errors.Register(ModuleName, 29, "model version is retired")
	ErrNoBeacon                 = errors.Register(ModuleName, 30, "no block hash to seal the setup with")
)
