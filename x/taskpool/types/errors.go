package types

import "cosmossdk.io/errors"

// Errors of x/taskpool. Code 1 is reserved by the SDK.
var (
	ErrInvalidAddress      = errors.Register(ModuleName, 2, "invalid address")
	ErrInvalidParams       = errors.Register(ModuleName, 3, "invalid params")
	ErrInvalidAuthority    = errors.Register(ModuleName, 4, "invalid authority")
	ErrPoolNotFound        = errors.Register(ModuleName, 5, "pool not found")
	ErrPoolInactive        = errors.Register(ModuleName, 6, "pool is not active")
	ErrInvalidPool         = errors.Register(ModuleName, 7, "invalid pool")
	ErrModelInactive       = errors.Register(ModuleName, 8, "model is not active")
	ErrInvalidInput        = errors.Register(ModuleName, 9, "invalid task input")
	ErrInvalidReward       = errors.Register(ModuleName, 10, "invalid task reward")
	ErrInvalidDeadline     = errors.Register(ModuleName, 11, "invalid task deadline")
	ErrTaskNotFound        = errors.Register(ModuleName, 12, "task not found")
	ErrWrongStatus         = errors.Register(ModuleName, 13, "task is not in the required status")
	ErrUnauthorized        = errors.Register(ModuleName, 14, "signer may not act on this")
	ErrNoOpenTask          = errors.Register(ModuleName, 15, "no claimable task")
	ErrWorkerNotFound      = errors.Register(ModuleName, 16, "worker is not registered")
	ErrWorkerInactive      = errors.Register(ModuleName, 17, "worker is not active")
	ErrWorkerExists        = errors.Register(ModuleName, 18, "worker is already registered and active")
	ErrTooManyTasks        = errors.Register(ModuleName, 19, "worker holds the maximum number of claims")
	ErrLowReputation       = errors.Register(ModuleName, 20, "worker reputation is below the pool minimum")
	ErrNotAssigned         = errors.Register(ModuleName, 21, "signer is not the task's assigned worker")
	ErrClaimExpired        = errors.Register(ModuleName, 22, "claim has expired")
	ErrDeadlinePassed      = errors.Register(ModuleName, 23, "task deadline has passed")
	ErrInvalidOutput       = errors.Register(ModuleName, 24, "invalid result output")
	ErrInvalidProof        = errors.Register(ModuleName, 25, "invalid proof")
	ErrNoChange            = errors.Register(ModuleName, 26, "nothing to change")
	ErrEscrowInvariant     = errors.Register(ModuleName, 27, "escrow balance does not match open escrows")
	ErrInvalidClaimTimeout = errors.Register(ModuleName, 28, "invalid claim timeout")
)
