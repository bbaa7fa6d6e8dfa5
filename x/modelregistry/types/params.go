package types

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Default params: caps that fit the bundled models with room to spare, and a
// fee that makes spam registrations cost something.
const (
	DefaultMaxNameLength        = 64
	DefaultMaxDescriptionLength = 1024
	DefaultMaxVerifyingKeySize  = 64 << 10
	DefaultMaxArtifactSize      = 256 << 10
	DefaultRegistrationFee      = 10_000_000 // 10 HYRA
	defaultFeeDenom             = "uhyra"

	// Hard limits that governance cannot exceed: a transaction carrying more
	// would not fit CometBFT's default mempool limit of 1 MiB anyway.
	maxNameLimit         = 256
	maxDescriptionLimit  = 16 << 10
	maxVerifyingKeyLimit = 512 << 10
	maxArtifactLimit     = 900 << 10
)

// DefaultParams returns the params of a new chain.
func DefaultParams() Params {
	return Params{
		MaxNameLength:        DefaultMaxNameLength,
		MaxDescriptionLength: DefaultMaxDescriptionLength,
		MaxVerifyingKeySize:  DefaultMaxVerifyingKeySize,
		MaxArtifactSize:      DefaultMaxArtifactSize,
		RegistrationFee:      sdk.NewCoins(sdk.NewInt64Coin(defaultFeeDenom, DefaultRegistrationFee)),
	}
}

// Validate checks that every param is within its hard limits.
func (p Params) Validate() error {
	if p.MaxNameLength == 0 || p.MaxNameLength > maxNameLimit {
		return fmt.Errorf("max_name_length must be in [1, %d], got %d", maxNameLimit, p.MaxNameLength)
	}
	// A description is required, so a zero cap would refuse every model.
	if p.MaxDescriptionLength == 0 || p.MaxDescriptionLength > maxDescriptionLimit {
		return fmt.Errorf("max_description_length must be in [1, %d], got %d", maxDescriptionLimit, p.MaxDescriptionLength)
	}
	if p.MaxVerifyingKeySize == 0 || p.MaxVerifyingKeySize > maxVerifyingKeyLimit {
		return fmt.Errorf("max_verifying_key_size must be in [1, %d], got %d", maxVerifyingKeyLimit, p.MaxVerifyingKeySize)
	}
	if p.MaxArtifactSize == 0 || p.MaxArtifactSize > maxArtifactLimit {
		return fmt.Errorf("max_artifact_size must be in [1, %d], got %d", maxArtifactLimit, p.MaxArtifactSize)
	}
	if err := p.RegistrationFee.Validate(); err != nil {
		return fmt.Errorf("registration_fee: %w", err)
	}
	return nil
}
