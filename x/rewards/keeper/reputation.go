package keeper

import (
	"context"
	"errors"
	"math"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/rewards/types"
)

// Reputation returns the worker's reputation score (params.initial_reputation
// for a worker never seen).
func (k Keeper) Reputation(ctx context.Context, worker sdk.AccAddress) (int64, error) {
	if _, err := k.addressString(worker, "worker"); err != nil {
		return 0, err
	}
	rep, err := k.Reputations.Get(ctx, worker)
	if errors.Is(err, collections.ErrNotFound) {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return 0, err
		}
		return params.InitialReputation, nil
	}
	return rep, err
}

// raiseReputation adds params.reputation_gain to a worker's score, saturating
// at the largest int64, and returns the new score. It takes the initial
// reputation of a worker never seen from the params its caller read, rather
// than reading them again.
func (k Keeper) raiseReputation(ctx context.Context, worker sdk.AccAddress, params types.Params) (int64, error) {
	rep, err := k.Reputations.Get(ctx, worker)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		rep = params.InitialReputation
	case err != nil:
		return 0, err
	}
	if rep > math.MaxInt64-params.ReputationGain {
		rep = math.MaxInt64
	} else {
		rep += params.ReputationGain
	}
	return rep, k.Reputations.Set(ctx, worker, rep)
}

// lowerReputation takes loss from a worker's score, which never goes below
// zero, and returns the new score.
func (k Keeper) lowerReputation(ctx context.Context, worker sdk.AccAddress, loss int64) (int64, error) {
	rep, err := k.Reputation(ctx, worker)
	if err != nil {
		return 0, err
	}
	rep = max(rep-loss, 0)
	return rep, k.Reputations.Set(ctx, worker, rep)
}
