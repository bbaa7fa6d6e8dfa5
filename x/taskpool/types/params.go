package types

import (
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/zk/vector"
)

// Default params: one claim at a time per worker (the seed's rule), deadlines
// from a minute to a month, claim timeouts from ten seconds to a day, an
// EndBlock that never handles more than 200 expiries of each kind,
// 10 HYRA to create a pool, and claims that pause while no block has been
// made for more than 5 s (five times hyrad's 1 s block time, half the
// shortest claim timeout).
const (
	DefaultMaxActiveTasks         = 1
	DefaultMinTaskTTL             = time.Minute
	DefaultMaxTaskTTL             = 30 * 24 * time.Hour
	DefaultMinClaimTimeout        = 10 * time.Second
	DefaultMaxClaimTimeout        = 24 * time.Hour
	DefaultMaxExpirationsPerBlock = 200
	DefaultMaxPoolNameLength      = 64
	DefaultPoolCreationFee        = 10_000_000 // 10 HYRA
	DefaultPoolCreationFeeDenom   = "uhyra"
	DefaultMaxBlockGap            = 5 * time.Second
	// DefaultPrivateInputWindow gives the client of a private task, whose
	// client infer process posts the input as soon as the claim is in a
	// block, a minute to do it: many blocks of slack, yet a worker kept
	// waiting by an absent client loses at most a minute.
	DefaultPrivateInputWindow = time.Minute
	DefaultMaxInputRejections = 3
	maxInputRejectionsLimit   = 100
	maxActiveTasksLimit       = 100
	maxTaskTTLLimit           = 365 * 24 * time.Hour
	// maxExpirationsPerBlockLimit keeps one EndBlock under about 0.3 s on a
	// 2-core machine (measured: 9,400 expiries took 1.56 s in one block).
	maxExpirationsPerBlockLimit = 2_000
	maxPoolNameLimit            = 256
	minDurationParam            = time.Second
	maxClaimTimeoutLimit        = maxTaskTTLLimit
)

// MaxVectorSize caps the input of a task and the output of a result, in
// bytes, before anything else is done with them: no model reads or writes a
// vector longer than vector.MaxLen.
const MaxVectorSize = vector.MaxLen * vector.ElemSize

// DefaultParams returns the params of a new chain.
func DefaultParams() Params {
	return Params{
		MaxActiveTasks:         DefaultMaxActiveTasks,
		MinTaskTtl:             DefaultMinTaskTTL,
		MaxTaskTtl:             DefaultMaxTaskTTL,
		MinClaimTimeout:        DefaultMinClaimTimeout,
		MaxClaimTimeout:        DefaultMaxClaimTimeout,
		MaxExpirationsPerBlock: DefaultMaxExpirationsPerBlock,
		MaxPoolNameLength:      DefaultMaxPoolNameLength,
		PoolCreationFee:        sdk.NewCoins(sdk.NewInt64Coin(DefaultPoolCreationFeeDenom, DefaultPoolCreationFee)),
		MaxBlockGap:            DefaultMaxBlockGap,
		PrivateInputWindow:     DefaultPrivateInputWindow,
		MaxInputRejections:     DefaultMaxInputRejections,
	}
}

// Validate checks that every param is within its hard limits and that each
// min/max pair is ordered.
func (p Params) Validate() error {
	if p.MaxActiveTasks == 0 || p.MaxActiveTasks > maxActiveTasksLimit {
		return fmt.Errorf("max_active_tasks must be in [1, %d], got %d", maxActiveTasksLimit, p.MaxActiveTasks)
	}
	if err := validateRange("task_ttl", p.MinTaskTtl, p.MaxTaskTtl, maxTaskTTLLimit); err != nil {
		return err
	}
	if err := validateRange("claim_timeout", p.MinClaimTimeout, p.MaxClaimTimeout, maxClaimTimeoutLimit); err != nil {
		return err
	}
	if p.MaxExpirationsPerBlock == 0 || p.MaxExpirationsPerBlock > maxExpirationsPerBlockLimit {
		return fmt.Errorf("max_expirations_per_block must be in [1, %d], got %d", maxExpirationsPerBlockLimit, p.MaxExpirationsPerBlock)
	}
	if p.MaxPoolNameLength == 0 || p.MaxPoolNameLength > maxPoolNameLimit {
		return fmt.Errorf("max_pool_name_length must be in [1, %d], got %d", maxPoolNameLimit, p.MaxPoolNameLength)
	}
	if err := p.PoolCreationFee.Validate(); err != nil {
		return fmt.Errorf("pool_creation_fee: %w", err)
	}
	if p.MaxBlockGap < minDurationParam || p.MaxBlockGap >= p.MinClaimTimeout {
		return fmt.Errorf("max_block_gap must be at least %s and below min_claim_timeout (%s), got %s",
			minDurationParam, p.MinClaimTimeout, p.MaxBlockGap)
	}
	return p.validatePrivate()
}

// validatePrivate checks the params of private tasks: an input window of at
// least minDurationParam and at most max_claim_timeout, and a rejection cap
// in [1, maxInputRejectionsLimit].
func (p Params) validatePrivate() error {
	if p.PrivateInputWindow < minDurationParam || p.PrivateInputWindow > p.MaxClaimTimeout {
		return fmt.Errorf("private_input_window must be in [%s, max_claim_timeout %s], got %s",
			minDurationParam, p.MaxClaimTimeout, p.PrivateInputWindow)
	}
	if p.MaxInputRejections == 0 || p.MaxInputRejections > maxInputRejectionsLimit {
		return fmt.Errorf("max_input_rejections must be in [1, %d], got %d", maxInputRejectionsLimit, p.MaxInputRejections)
	}
	return nil
}

// validateRange checks minDurationParam <= lo <= hi <= limit.
func validateRange(name string, lo, hi, limit time.Duration) error {
	if lo < minDurationParam {
		return fmt.Errorf("min_%s must be at least %s, got %s", name, minDurationParam, lo)
	}
	if hi < lo {
		return fmt.Errorf("max_%s (%s) is below min_%s (%s)", name, hi, name, lo)
	}
	if hi > limit {
		return fmt.Errorf("max_%s must be at most %s, got %s", name, limit, hi)
	}
	return nil
}
