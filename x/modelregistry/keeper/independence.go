package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// independenceSources are the other modules that tell whether a setup
// contributor is independent of a model's owner. Either may be missing (an
// app without x/rewards or x/authz): the check then has less to go on, never
// more.
type independenceSources struct {
	bonds  types.WorkerBonds
	grants types.AuthzKeeper
}

// SetIndependenceSources gives the keeper x/rewards (bonded workers and their
// reputation) and x/authz (grants between accounts). A depinject Invoke calls
// it once every module is built, so that this module, at the bottom of the
// dependency graph, imports neither.
func (k Keeper) SetIndependenceSources(bonds types.WorkerBonds, grants types.AuthzKeeper) {
	*k.independence = independenceSources{bonds: bonds, grants: grants}
}

// isIndependent reports whether contributor is independent of the owners
// (the model's owner now and the one that began the setup), in a way the
// chain can see: not one of them, no authz grant either way between it and
// one of them (a grantee acts for its granter), and either the operator of a
// bonded validator or a worker with at least min_worker_bond bonded and
// reputation >= minReputation. Errors of the sources count as "not
// independent": they only make finalization harder, never easier.
func (k Keeper) isIndependent(ctx context.Context, contributor sdk.AccAddress, owners []sdk.AccAddress, minReputation int64) bool {
	for _, owner := range owners {
		if contributor.Equals(owner) || k.hasGrantBetween(ctx, contributor, owner) {
			return false
		}
	}
	if v, err := k.stakingKeeper.GetValidator(ctx, sdk.ValAddress(contributor)); err == nil && v.IsBonded() {
		return true
	}
	bonds := k.independence.bonds
	if bonds == nil || bonds.CheckMinBond(ctx, contributor) != nil {
		return false
	}
	rep, err := bonds.Reputation(ctx, contributor)
	return err == nil && rep >= minReputation
}

// hasGrantBetween reports whether a or b holds an authz grant from the other.
func (k Keeper) hasGrantBetween(ctx context.Context, a, b sdk.AccAddress) bool {
	grants := k.independence.grants
	if grants == nil {
		return false
	}
	for _, pair := range [][2]sdk.AccAddress{{a, b}, {b, a}} {
		auths, err := grants.GetAuthorizations(ctx, pair[0], pair[1])
		if err != nil || len(auths) > 0 {
			return true
		}
	}
	return false
}
