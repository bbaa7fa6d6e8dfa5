package types

import (
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// BpsDenominator is 100% in basis points.
const BpsDenominator = 10_000

// Default params: a bond that makes a claim cost something to abandon, the
// SDK's usual unbonding period, and a split that pays the worker most of the
// escrow.
const (
	DefaultMinWorkerBond         = 10_000_000 // 10 HYRA
	DefaultBondDenom             = "uhyra"
	DefaultUnbondingPeriod       = 7 * 24 * time.Hour
	DefaultTimeoutSlashBps       = 100   // 1%
	DefaultWorkerShareBps        = 8_500 // 85%
	DefaultModelOwnerShareBps    = 1_000 // 10%; the protocol fee is the other 5%
	DefaultRewardPoolShareBps    = 5_000 // half of the protocol fee
	DefaultEpochLength           = 100
	DefaultMaxUnbondingsPerBlock = 100
	DefaultMaxUnbondingEntries   = 7
	DefaultMaxPayoutsPerBlock    = 100
	DefaultInitialReputation     = 100
	DefaultReputationGain        = 1
	DefaultReputationLoss        = 10
	// DefaultReleaseReputationLoss makes giving a claim back cost a fifth of
	// the reputation a lapse costs, and no bond.
	DefaultReleaseReputationLoss = 2
	// DefaultEpochRewardCapBps lets an honest worker earn epoch rewards of
	// up to 90% of the fees its results paid, and costs a self-dealer at
	// least 10% of the fees it pays.
	DefaultEpochRewardCapBps = 9_000

	// Hard limits that governance cannot exceed: they keep reputation far
	// from int64 overflow and the per-block work of EndBlock bounded.
	maxReputationParam = 1 << 40
	maxPerBlockLimit   = 10_000
	maxEntriesLimit    = 100
)

// DefaultParams returns the params of a new chain.
func DefaultParams() Params {
	return Params{
		MinWorkerBond:         sdk.NewInt64Coin(DefaultBondDenom, DefaultMinWorkerBond),
		UnbondingPeriod:       DefaultUnbondingPeriod,
		TimeoutSlashBps:       DefaultTimeoutSlashBps,
		WorkerShareBps:        DefaultWorkerShareBps,
		ModelOwnerShareBps:    DefaultModelOwnerShareBps,
		RewardPoolShareBps:    DefaultRewardPoolShareBps,
		EpochLength:           DefaultEpochLength,
		MaxUnbondingsPerBlock: DefaultMaxUnbondingsPerBlock,
		MaxUnbondingEntries:   DefaultMaxUnbondingEntries,
		MaxPayoutsPerBlock:    DefaultMaxPayoutsPerBlock,
		InitialReputation:     DefaultInitialReputation,
		ReputationGain:        DefaultReputationGain,
		ReputationLoss:        DefaultReputationLoss,
		ReleaseReputationLoss: DefaultReleaseReputationLoss,
		EpochRewardCapBps:     DefaultEpochRewardCapBps,
	}
}

// BondDenom is the denom of bonds and of the reward pool.
func (p Params) BondDenom() string { return p.MinWorkerBond.Denom }

// Validate checks that every param is within its limits.
func (p Params) Validate() error {
	if err := p.MinWorkerBond.Validate(); err != nil {
		return fmt.Errorf("min_worker_bond: %w", err)
	}
	if p.UnbondingPeriod <= 0 {
		return fmt.Errorf("unbonding_period must be positive, got %s", p.UnbondingPeriod)
	}
	for _, bps := range []struct {
		name  string
		value uint32
	}{
		{"timeout_slash_bps", p.TimeoutSlashBps},
		{"worker_share_bps", p.WorkerShareBps},
		{"model_owner_share_bps", p.ModelOwnerShareBps},
		{"reward_pool_share_bps", p.RewardPoolShareBps},
	} {
		if bps.value > BpsDenominator {
			return fmt.Errorf("%s must be at most %d, got %d", bps.name, BpsDenominator, bps.value)
		}
	}
	if p.EpochRewardCapBps >= BpsDenominator {
		return fmt.Errorf("epoch_reward_cap_bps must be below %d, so that no worker earns back the fees it paid, got %d", BpsDenominator, p.EpochRewardCapBps)
	}
	if sum := uint64(p.WorkerShareBps) + uint64(p.ModelOwnerShareBps); sum > BpsDenominator {
		return fmt.Errorf("worker_share_bps + model_owner_share_bps must be at most %d, got %d", BpsDenominator, sum)
	}
	if p.EpochLength <= 0 {
		return fmt.Errorf("epoch_length must be positive, got %d", p.EpochLength)
	}
	if err := inRange("max_unbondings_per_block", int64(p.MaxUnbondingsPerBlock), 1, maxPerBlockLimit); err != nil {
		return err
	}
	if err := inRange("max_payouts_per_block", int64(p.MaxPayoutsPerBlock), 1, maxPerBlockLimit); err != nil {
		return err
	}
	if err := inRange("max_unbonding_entries", int64(p.MaxUnbondingEntries), 1, maxEntriesLimit); err != nil {
		return err
	}
	if err := inRange("initial_reputation", p.InitialReputation, 0, maxReputationParam); err != nil {
		return err
	}
	if err := inRange("reputation_gain", p.ReputationGain, 0, maxReputationParam); err != nil {
		return err
	}
	if err := inRange("reputation_loss", p.ReputationLoss, 0, maxReputationParam); err != nil {
		return err
	}
	// A release must never cost more than a lapse, or a worker that cannot
	// finish a task would do better to hold it until it lapses.
	return inRange("release_reputation_loss (at most reputation_loss)", p.ReleaseReputationLoss, 0, p.ReputationLoss)
}

func inRange(name string, v, lo, hi int64) error {
	if v < lo || v > hi {
		return fmt.Errorf("%s must be in [%d, %d], got %d", name, lo, hi, v)
	}
	return nil
}
