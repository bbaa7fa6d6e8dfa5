package types

import (
	"context"
	"fmt"
	"time"
)

// ClaimTimeouts is x/taskpool as x/rewards sees it: how long a claim can run
// before it lapses and its worker is slashed. x/taskpool depends on x/rewards,
// so this cannot be a constructor argument of the rewards keeper (depinject
// would see a cycle); the app hands it over once both keepers exist (see
// Keeper.SetClaimTimeouts and the module's depinject Invoke).
type ClaimTimeouts interface {
	LongestClaimTimeout(ctx context.Context) (time.Duration, error)
}

// CheckUnbondingOutlastsClaims is the rule both modules enforce on every
// params change and at genesis: unbonding must take longer than the longest
// claim, so that a worker who claims a task and then unbonds still has the
// coins in the bond pool when the claim lapses and the slash comes.
func CheckUnbondingOutlastsClaims(unbondingPeriod, longestClaim time.Duration) error {
	if unbondingPeriod <= longestClaim {
		return fmt.Errorf("unbonding_period (%s, x/rewards) must exceed max_claim_timeout (%s, x/taskpool), or a worker could claim, unbond and withdraw before its claim lapses and escape the slash",
			unbondingPeriod, longestClaim)
	}
	return nil
}
