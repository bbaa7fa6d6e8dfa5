package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// LongestClaimTimeout is the longest a claim runs before it lapses:
// max_claim_timeout. x/rewards checks its unbonding period against it.
func (k Keeper) LongestClaimTimeout(ctx context.Context) (time.Duration, error) {
	p, err := k.Params.Get(ctx)
	return p.MaxClaimTimeout, err
}

// checkClaimsWithinUnbonding checks params against x/rewards' unbonding
// period (x/rewards' genesis is loaded first), the rule of
// rewardstypes.CheckUnbondingOutlastsClaims.
func (k Keeper) checkClaimsWithinUnbonding(ctx context.Context, p types.Params) error {
	unbonding, err := k.rewardsKeeper.UnbondingPeriod(ctx)
	if err != nil {
		return errorsmod.Wrap(err, "reading x/rewards' unbonding period")
	}
	if err := rewardstypes.CheckUnbondingOutlastsClaims(unbonding, p.MaxClaimTimeout); err != nil {
		return errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	return nil
}
