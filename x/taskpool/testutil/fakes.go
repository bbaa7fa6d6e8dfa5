// Package testutil holds small stateful fakes of the keepers x/taskpool
// depends on, so that its keeper tests can check that coins move and that
// nothing is created or lost, without a whole app.
package testutil

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// Bank is an in-memory bank: balances by address bytes, module accounts at
// their module addresses.
type Bank struct {
	Balances map[string]sdk.Coins
	// Blocked addresses may not receive coins from a module, as in x/bank.
	Blocked map[string]bool
}

// NewBank returns an empty bank.
func NewBank() *Bank { return &Bank{Balances: map[string]sdk.Coins{}, Blocked: map[string]bool{}} }

var _ types.BankKeeper = (*Bank)(nil)

// Send moves amt from one address to another, failing on insufficient funds.
func (b *Bank) Send(from, to sdk.AccAddress, amt sdk.Coins) error {
	bal := b.Balances[string(from)]
	rest, negative := bal.SafeSub(amt...)
	if negative {
		return sdkerrors.ErrInsufficientFunds.Wrapf("spendable balance %s is smaller than %s", bal, amt)
	}
	b.Balances[string(from)] = rest
	b.Balances[string(to)] = b.Balances[string(to)].Add(amt...)
	return nil
}

// SendCoinsFromAccountToModule implements types.BankKeeper.
func (b *Bank) SendCoinsFromAccountToModule(_ context.Context, sender sdk.AccAddress, module string, amt sdk.Coins) error {
	return b.Send(sender, authtypes.NewModuleAddress(module), amt)
}

// SendCoinsFromModuleToAccount implements types.BankKeeper.
func (b *Bank) SendCoinsFromModuleToAccount(_ context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error {
	if b.Blocked[string(to)] {
		return sdkerrors.ErrUnauthorized.Wrapf("%s is not allowed to receive funds", to)
	}
	return b.Send(authtypes.NewModuleAddress(module), to, amt)
}

// BlockedAddr implements types.BankKeeper.
func (b *Bank) BlockedAddr(addr sdk.AccAddress) bool { return b.Blocked[string(addr)] }

// GetAllBalances implements types.BankKeeper.
func (b *Bank) GetAllBalances(_ context.Context, addr sdk.AccAddress) sdk.Coins {
	return b.Balances[string(addr)]
}

// Total is the sum of every balance: it never changes when coins only move.
func (b *Bank) Total() sdk.Coins {
	total := sdk.NewCoins()
	for _, c := range b.Balances {
		total = total.Add(c...)
	}
	return total
}

// Distr is an in-memory x/distribution: the community pool is an account of
// the bank.
type Distr struct {
	Bank *Bank
	Pool sdk.AccAddress
}

// NewDistr returns a community pool at the x/distribution module address,
// apart from the fake x/rewards' protocol fee account so that tests can tell
// pool creation fees from settlement fees.
func NewDistr(bank *Bank) *Distr {
	return &Distr{Bank: bank, Pool: authtypes.NewModuleAddress(distrtypes.ModuleName)}
}

var _ types.DistributionKeeper = (*Distr)(nil)

// FundCommunityPool implements types.DistributionKeeper.
func (d *Distr) FundCommunityPool(_ context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return d.Bank.Send(sender, d.Pool, amount)
}

// Models is an in-memory model registry.
type Models struct {
	Models    map[uint64]mrtypes.Model
	Versions  map[[2]uint64]mrtypes.ModelVersion
	Completed map[uint64]uint64
}

// NewModels returns an empty registry.
func NewModels() *Models {
	return &Models{Models: map[uint64]mrtypes.Model{}, Versions: map[[2]uint64]mrtypes.ModelVersion{}, Completed: map[uint64]uint64{}}
}

var _ types.ModelRegistryKeeper = (*Models)(nil)

// GetModel implements types.ModelRegistryKeeper.
func (m *Models) GetModel(_ context.Context, id uint64) (mrtypes.Model, error) {
	model, ok := m.Models[id]
	if !ok {
		return model, mrtypes.ErrModelNotFound.Wrapf("model %d", id)
	}
	return model, nil
}

// GetModelVersion implements types.ModelRegistryKeeper: without the
// artifact, as x/modelregistry returns it.
func (m *Models) GetModelVersion(_ context.Context, id, version uint64) (mrtypes.ModelVersion, error) {
	v, ok := m.Versions[[2]uint64{id, version}]
	if !ok {
		return v, mrtypes.ErrVersionNotFound.Wrapf("model %d version %d", id, version)
	}
	v.Artifact = nil
	return v, nil
}

// RecordTaskCompleted implements types.ModelRegistryKeeper.
func (m *Models) RecordTaskCompleted(_ context.Context, id uint64, _ sdk.Coin) (mrtypes.Model, error) {
	model, ok := m.Models[id]
	if !ok {
		return model, mrtypes.ErrModelNotFound.Wrapf("model %d", id)
	}
	m.Completed[id]++
	return model, nil
}

// Rewards is an in-memory x/rewards: a bonded set, reputations, and a fixed
// split of settled escrow (worker 90%, model owner 5%, the rest protocol).
type Rewards struct {
	Bank         *Bank
	Bonded       map[string]bool
	Rep          map[string]int64
	Penalties    []uint64
	Settled      []uint64
	Protocol     sdk.AccAddress
	FailPenalty  bool
	PanicPenalty bool
	Unbonding    time.Duration
}

var _ types.RewardsKeeper = (*Rewards)(nil)

// NewRewards returns a fake that pays out of bank.
func NewRewards(bank *Bank) *Rewards {
	return &Rewards{
		Bank:      bank,
		Bonded:    map[string]bool{},
		Rep:       map[string]int64{},
		Protocol:  authtypes.NewModuleAddress("community_pool"),
		Unbonding: rewardstypes.DefaultUnbondingPeriod,
	}
}

// UnbondingPeriod implements types.RewardsKeeper.
func (r *Rewards) UnbondingPeriod(context.Context) (time.Duration, error) {
	return r.Unbonding, nil
}

// CheckMinBond implements types.RewardsKeeper.
func (r *Rewards) CheckMinBond(_ context.Context, worker sdk.AccAddress) error {
	if !r.Bonded[string(worker)] {
		return errors.New("bond is below min_worker_bond")
	}
	return nil
}

// Reputation implements types.RewardsKeeper.
func (r *Rewards) Reputation(_ context.Context, worker sdk.AccAddress) (int64, error) {
	return r.Rep[string(worker)], nil
}

// SettleTask implements types.RewardsKeeper.
func (r *Rewards) SettleTask(_ context.Context, payer string, taskID uint64, worker, owner sdk.AccAddress, escrow sdk.Coin) (sdk.Coin, error) {
	from := authtypes.NewModuleAddress(payer)
	workerShare := sdk.NewCoin(escrow.Denom, escrow.Amount.MulRaw(90).QuoRaw(100))
	ownerShare := sdk.NewCoin(escrow.Denom, escrow.Amount.MulRaw(5).QuoRaw(100))
	fee := escrow.Sub(workerShare).Sub(ownerShare)
	for _, p := range []struct {
		to sdk.AccAddress
		c  sdk.Coin
	}{{worker, workerShare}, {owner, ownerShare}, {r.Protocol, fee}} {
		if p.c.Amount.Equal(math.ZeroInt()) {
			continue
		}
		if err := r.Bank.Send(from, p.to, sdk.NewCoins(p.c)); err != nil {
			return sdk.Coin{}, fmt.Errorf("settling task %d: %w", taskID, err)
		}
	}
	r.Rep[string(worker)]++
	r.Settled = append(r.Settled, taskID)
	return workerShare, nil
}

// DeferredBy implements types.RewardsKeeper: this fake pays every share at
// once, so nothing is deferred.
func (r *Rewards) DeferredBy(context.Context, string) (sdk.Coins, error) { return sdk.NewCoins(), nil }

// PenalizeTimeout implements types.RewardsKeeper.
func (r *Rewards) PenalizeTimeout(_ context.Context, taskID uint64, worker sdk.AccAddress) error {
	if r.PanicPenalty {
		panic("penalty panicked")
	}
	if r.FailPenalty {
		return errors.New("penalty failed")
	}
	r.Rep[string(worker)] -= 5
	r.Penalties = append(r.Penalties, taskID)
	return nil
}

// PenalizeRelease implements types.RewardsKeeper: a release costs 1.
func (r *Rewards) PenalizeRelease(_ context.Context, worker sdk.AccAddress) (int64, error) {
	r.Rep[string(worker)]--
	return r.Rep[string(worker)], nil
}
