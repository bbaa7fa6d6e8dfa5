package types

import (
	"crypto/sha256"
	"fmt"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/zk/verifier"
)

// Default params: caps that fit the bundled models with room to spare, and a
// fee that makes spam registrations cost something.
const (
	DefaultMaxNameLength        = 64
	DefaultMaxDescriptionLength = 1024
	DefaultMaxVerifyingKeySize  = 64 << 10
	DefaultMaxArtifactSize      = 512 << 10  // the MNIST MLP is 288 KB, its CNN 62 KB
	DefaultRegistrationFee      = 10_000_000 // 10 HYRA
	// DefaultArtifactByteFee: 10 uhyra per artifact byte, 0.62 HYRA for the
	// MNIST CNN and 2.9 HYRA for the MLP, on top of the registration fee.
	DefaultArtifactByteFee = 10
	defaultFeeDenom        = "uhyra"
	// DefaultMinSetupContributors: three distinct accounts, one of them
	// independent of the owner, set up each version's key.
	DefaultMinSetupContributors = 3
	// DefaultIndependentMinReputation is x/rewards' initial reputation: any
	// bonded worker not penalised below where it started. Raise it on a
	// network where bonded workers are cheap to create.
	DefaultIndependentMinReputation = 100
	// DefaultMaxSetupContributions bounds one setup's records (and the work
	// of exporting and re-verifying them).
	DefaultMaxSetupContributions = 32

	// Hard limits that governance cannot exceed: a transaction carrying more
	// would not fit CometBFT's default mempool limit of 1 MiB anyway.
	maxNameLimit         = 256
	maxDescriptionLimit  = 16 << 10
	maxVerifyingKeyLimit = 512 << 10
	maxArtifactLimit     = 900 << 10
	// maxSetupContributionsLimit keeps a setup's transcript re-verifiable in
	// minutes; maxReputationLimit is x/rewards' bound on reputation params.
	maxSetupContributionsLimit = 256
	maxReputationLimit         = 1 << 40
)

// DefaultParams returns the params of a new chain.
func DefaultParams() Params {
	return Params{
		MaxNameLength:        DefaultMaxNameLength,
		MaxDescriptionLength: DefaultMaxDescriptionLength,
		MaxVerifyingKeySize:  DefaultMaxVerifyingKeySize,
		MaxArtifactSize:      DefaultMaxArtifactSize,
		RegistrationFee:      sdk.NewCoins(sdk.NewInt64Coin(defaultFeeDenom, DefaultRegistrationFee)),
		ArtifactByteFee:      sdk.NewCoins(sdk.NewInt64Coin(defaultFeeDenom, DefaultArtifactByteFee)),

		MinSetupContributors:     DefaultMinSetupContributors,
		IndependentMinReputation: DefaultIndependentMinReputation,
		MaxSetupContributions:    DefaultMaxSetupContributions,
	}
}

// RegistrationFeeFor is what registering a version with an artifact of size
// bytes costs its owner: registration_fee plus artifact_byte_fee per byte.
func (p Params) RegistrationFeeFor(size int) sdk.Coins {
	return p.RegistrationFee.Add(p.ArtifactByteFee.MulInt(math.NewInt(int64(size)))...)
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
	if err := p.ArtifactByteFee.Validate(); err != nil {
		return fmt.Errorf("artifact_byte_fee: %w", err)
	}
	return p.validateSetup()
}

// validateSetup checks the multi-party setup params: a setup can always
// reach its minimum under the cap, and the anchor, when set, is a valid
// phase-1 result.
func (p Params) validateSetup() error {
	if p.MaxSetupContributions == 0 || p.MaxSetupContributions > maxSetupContributionsLimit {
		return fmt.Errorf("max_setup_contributions must be in [1, %d], got %d", maxSetupContributionsLimit, p.MaxSetupContributions)
	}
	if p.MinSetupContributors == 0 || p.MinSetupContributors > p.MaxSetupContributions {
		return fmt.Errorf("min_setup_contributors must be in [1, max_setup_contributions = %d], got %d", p.MaxSetupContributions, p.MinSetupContributors)
	}
	if p.IndependentMinReputation < 0 || p.IndependentMinReputation > maxReputationLimit {
		return fmt.Errorf("independent_min_reputation must be in [0, %d], got %d", int64(maxReputationLimit), p.IndependentMinReputation)
	}
	if n := len(p.Phase1Hash); n != 0 && n != sha256.Size {
		return fmt.Errorf("phase1_hash must be empty or %d bytes, got %d", sha256.Size, n)
	}
	if !p.SetupAnchor.IsSet() {
		if len(p.SetupAnchor.Alpha1)+len(p.SetupAnchor.Beta1)+len(p.SetupAnchor.Beta2) != 0 {
			return fmt.Errorf("setup_anchor must be wholly set or wholly empty")
		}
		return nil
	}
	if err := verifier.CheckSetupAnchor(p.SetupAnchor.Points()); err != nil {
		return fmt.Errorf("setup_anchor: %w", err)
	}
	return nil
}

// IsSet reports whether every point of the anchor is given.
func (a SetupAnchor) IsSet() bool {
	return len(a.Alpha1) != 0 && len(a.Beta1) != 0 && len(a.Beta2) != 0
}

// Points converts the anchor to zk/verifier's type.
func (a SetupAnchor) Points() verifier.SetupAnchor {
	return verifier.SetupAnchor{Alpha1: a.Alpha1, Beta1: a.Beta1, Beta2: a.Beta2}
}
