package types

import (
	"cosmossdk.io/math"
)

// Split is how the escrow of a settled task is divided. The four parts always
// add up to the escrow.
type Split struct {
	Worker        math.Int
	ModelOwner    math.Int
	CommunityPool math.Int
	RewardPool    math.Int
}

// Total returns the sum of the parts.
func (s Split) Total() math.Int {
	return s.Worker.Add(s.ModelOwner).Add(s.CommunityPool).Add(s.RewardPool)
}

// MulBps returns floor(x * bps / 10000), the share of x at bps basis points.
// It errors instead of panicking when x is too large to multiply.
func MulBps(x math.Int, bps uint32) (math.Int, error) {
	product, err := x.SafeMul(math.NewIntFromUint64(uint64(bps)))
	if err != nil {
		return math.Int{}, ErrArithmeticOverflow.Wrapf("%s * %d bps", x, bps)
	}
	return product.QuoRaw(BpsDenominator), nil
}

// SplitEscrow divides a non-negative escrow: the worker and model owner shares
// are floored, so the rounding goes to the protocol fee, which is the rest;
// rewardPoolBps of the fee (floored) goes to the reward pool and the rest of
// the fee to the community pool. workerBps + ownerBps must not exceed 10000.
func SplitEscrow(escrow math.Int, workerBps, ownerBps, rewardPoolBps uint32) (Split, error) {
	if escrow.IsNil() || escrow.IsNegative() {
		return Split{}, ErrInvalidEscrow.Wrapf("escrow must be non-negative, got %s", escrow)
	}
	if uint64(workerBps)+uint64(ownerBps) > BpsDenominator || rewardPoolBps > BpsDenominator {
		return Split{}, ErrInvalidParams.Wrapf("shares of %d + %d bps (reward pool %d bps) exceed 100%%", workerBps, ownerBps, rewardPoolBps)
	}
	worker, err := MulBps(escrow, workerBps)
	if err != nil {
		return Split{}, err
	}
	owner, err := MulBps(escrow, ownerBps)
	if err != nil {
		return Split{}, err
	}
	fee := escrow.Sub(worker).Sub(owner)
	pool, err := MulBps(fee, rewardPoolBps)
	if err != nil {
		return Split{}, err
	}
	return Split{Worker: worker, ModelOwner: owner, CommunityPool: fee.Sub(pool), RewardPool: pool}, nil
}

// ProRata returns floor(amount * part / total), a worker's share of an epoch
// reward; zero when total is zero.
func ProRata(amount math.Int, part, total uint64) (math.Int, error) {
	if total == 0 {
		return math.ZeroInt(), nil
	}
	product, err := amount.SafeMul(math.NewIntFromUint64(part))
	if err != nil {
		return math.Int{}, ErrArithmeticOverflow.Wrapf("%s * %d", amount, part)
	}
	return product.Quo(math.NewIntFromUint64(total)), nil
}

// EpochShare returns a worker's reward from an epoch: its pro-rata share of
// amount by work, floor(amount * work / total), capped at
// floor(work * capBps / 10000), a share of the protocol fee its results paid
// (work). With capBps below 10000 the cap is below that fee whenever the fee
// is positive, so that a party paying the fees of the tasks it works gets
// back less than it paid. Both floors round in favour of the pool, which
// keeps what is not paid.
func EpochShare(amount math.Int, work, total uint64, capBps uint32) (math.Int, error) {
	share, err := ProRata(amount, work, total)
	if err != nil {
		return share, err
	}
	limit, err := MulBps(math.NewIntFromUint64(work), capBps)
	if err != nil {
		return limit, err
	}
	return math.MinInt(share, limit), nil
}
