package testutil

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// The registry's fakes of the keepers it depends on (x/README.md): hand-written and stateful.
var (
	_ types.DistributionKeeper = (*Distr)(nil)
	_ types.StakingKeeper      = Staking{}
	_ types.WorkerBonds        = (*Bonds)(nil)
	_ types.AuthzKeeper        = Grants{}
)

// Distr is a stateful stand-in for x/distribution: accounts with balances
// and a community pool, so tests can check that fees move and nothing is lost.
type Distr struct {
	Balances      map[string]sdk.Coins
	CommunityPool sdk.Coins
}

// FundCommunityPool implements types.DistributionKeeper.
func (d *Distr) FundCommunityPool(_ context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	bal := d.Balances[sender.String()]
	rest, negative := bal.SafeSub(amount...)
	if negative {
		return sdkerrors.ErrInsufficientFunds.Wrapf("%s is smaller than %s", bal, amount)
	}
	d.Balances[sender.String()] = rest
	d.CommunityPool = d.CommunityPool.Add(amount...)
	return nil
}

// Staking has the bond denom and a set of bonded validator operators.
type Staking struct {
	Denom  string
	Bonded map[string]bool
}

// BondDenom implements types.StakingKeeper.
func (s Staking) BondDenom(context.Context) (string, error) { return s.Denom, nil }

// GetValidator implements types.StakingKeeper.
func (s Staking) GetValidator(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
	if !s.Bonded[string(addr)] {
		return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
	}
	return stakingtypes.Validator{Status: stakingtypes.Bonded}, nil
}

// Bonds is x/rewards seen by the registry: bonded workers and reputations.
type Bonds struct {
	Bonded map[string]bool
	Rep    map[string]int64
}

// CheckMinBond implements types.WorkerBonds.
func (b *Bonds) CheckMinBond(_ context.Context, w sdk.AccAddress) error {
	if !b.Bonded[string(w)] {
		return types.ErrUnauthorized.Wrap("not bonded")
	}
	return nil
}

// Reputation implements types.WorkerBonds.
func (b *Bonds) Reputation(_ context.Context, w sdk.AccAddress) (int64, error) {
	return b.Rep[string(w)], nil
}

// Grants holds authz grants as "grantee|granter" pairs.
type Grants map[string]bool

// GetAuthorizations implements types.AuthzKeeper.
func (g Grants) GetAuthorizations(_ context.Context, grantee, granter sdk.AccAddress) ([]authz.Authorization, error) {
	if g[string(grantee)+"|"+string(granter)] {
		return []authz.Authorization{&authz.GenericAuthorization{Msg: "/any"}}, nil
	}
	return nil, nil
}
