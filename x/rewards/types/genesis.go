package types

import (
	"fmt"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a new chain: no bonds, epoch 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:          DefaultParams(),
		NextUnbondingId: 1,
		Epoch:           EpochState{Number: 1, StartHeight: 1},
	}
}

// Validate checks that the genesis state is consistent: bonds agree with
// their unbondings, the epoch's totals agree with its work, and work of ended
// epochs belongs to a payout still running.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextUnbondingId == 0 {
		return fmt.Errorf("next_unbonding_id must be positive")
	}
	if gs.Epoch.Number == 0 {
		return fmt.Errorf("epoch number must be positive")
	}
	unbonding, err := gs.validateBonds()
	if err != nil {
		return err
	}
	if err := gs.validateUnbondings(unbonding); err != nil {
		return err
	}
	seen := make(map[string]bool, len(gs.Reputations))
	for _, r := range gs.Reputations {
		key, err := addressKey(r.Worker)
		if err != nil {
			return fmt.Errorf("reputation: %w", err)
		}
		if seen[key] {
			return fmt.Errorf("duplicate reputation of %s", r.Worker)
		}
		seen[key] = true
		if r.Reputation < 0 {
			return fmt.Errorf("reputation of %s is negative", r.Worker)
		}
	}
	if err := gs.validateDeferredShares(); err != nil {
		return err
	}
	return gs.validateEpochs()
}

// validateBonds checks each bond and returns, by worker, the unbonding total
// that the worker's unbonding entries must add up to.
func (gs GenesisState) validateBonds() (map[string]math.Int, error) {
	denom := gs.Params.BondDenom()
	unbonding := make(map[string]math.Int, len(gs.Bonds))
	for _, b := range gs.Bonds {
		key, err := addressKey(b.Worker)
		if err != nil {
			return nil, fmt.Errorf("bond: %w", err)
		}
		if _, dup := unbonding[key]; dup {
			return nil, fmt.Errorf("duplicate bond of %s", b.Worker)
		}
		for _, c := range []sdk.Coin{b.Bonded, b.Unbonding} {
			if err := validCoin(c, denom); err != nil {
				return nil, fmt.Errorf("bond of %s: %w", b.Worker, err)
			}
		}
		if b.Bonded.IsZero() && b.Unbonding.IsZero() {
			return nil, fmt.Errorf("bond of %s is empty", b.Worker)
		}
		unbonding[key] = b.Unbonding.Amount
	}
	return unbonding, nil
}

func (gs GenesisState) validateUnbondings(want map[string]math.Int) error {
	denom := gs.Params.BondDenom()
	got := make(map[string]math.Int, len(want))
	entries := make(map[string]uint32, len(want))
	ids := make(map[uint64]bool, len(gs.Unbondings))
	for _, u := range gs.Unbondings {
		if u.Id == 0 || u.Id >= gs.NextUnbondingId {
			return fmt.Errorf("unbonding id %d out of range [1, %d)", u.Id, gs.NextUnbondingId)
		}
		if ids[u.Id] {
			return fmt.Errorf("duplicate unbonding id %d", u.Id)
		}
		ids[u.Id] = true
		key, err := addressKey(u.Worker)
		if err != nil {
			return fmt.Errorf("unbonding %d: %w", u.Id, err)
		}
		if _, ok := want[key]; !ok {
			return fmt.Errorf("unbonding %d of %s has no bond", u.Id, u.Worker)
		}
		if err := validCoin(u.Amount, denom); err != nil || !u.Amount.IsPositive() {
			return fmt.Errorf("unbonding %d: amount must be positive %s, got %s", u.Id, denom, u.Amount)
		}
		if got[key].IsNil() {
			got[key] = math.ZeroInt()
		}
		got[key] = got[key].Add(u.Amount.Amount)
		entries[key]++
		if entries[key] > gs.Params.MaxUnbondingEntries {
			return fmt.Errorf("%s has more than %d unbondings", u.Worker, gs.Params.MaxUnbondingEntries)
		}
	}
	for _, b := range gs.Bonds {
		key, _ := addressKey(b.Worker) // checked by validateBonds
		sum := got[key]
		if sum.IsNil() {
			sum = math.ZeroInt()
		}
		if !sum.Equal(b.Unbonding.Amount) {
			return fmt.Errorf("bond of %s: unbonding %s does not match its unbondings' sum %s", b.Worker, b.Unbonding.Amount, sum)
		}
	}
	return nil
}

// validateEpochs checks the epoch totals, the payouts in progress and that
// every work entry (protocol fee paid, in the bond denom) is positive and
// belongs to one of them.
func (gs GenesisState) validateEpochs() error {
	denom := gs.Params.BondDenom()
	payouts := make(map[uint64]PendingPayout, len(gs.PendingPayouts))
	for _, p := range gs.PendingPayouts {
		if p.Epoch == 0 || p.Epoch >= gs.Epoch.Number {
			return fmt.Errorf("pending payout of epoch %d: not an ended epoch", p.Epoch)
		}
		if _, dup := payouts[p.Epoch]; dup {
			return fmt.Errorf("duplicate pending payout of epoch %d", p.Epoch)
		}
		if err := validCoin(p.Amount, denom); err != nil {
			return fmt.Errorf("pending payout of epoch %d: %w", p.Epoch, err)
		}
		if err := validCoin(p.Paid, denom); err != nil {
			return fmt.Errorf("pending payout of epoch %d: %w", p.Epoch, err)
		}
		if p.Paid.Amount.GT(p.Amount.Amount) {
			return fmt.Errorf("pending payout of epoch %d: paid %s exceeds amount %s", p.Epoch, p.Paid, p.Amount)
		}
		if p.TotalWork == 0 {
			return fmt.Errorf("pending payout of epoch %d has no work", p.Epoch)
		}
		payouts[p.Epoch] = p
	}
	work := make(map[uint64]uint64)
	workers := make(map[uint64]uint64)
	seen := make(map[string]bool, len(gs.Work))
	for _, w := range gs.Work {
		key, err := addressKey(w.Worker)
		if err != nil {
			return fmt.Errorf("work: %w", err)
		}
		id := fmt.Sprintf("%d/%s", w.Epoch, key)
		if seen[id] {
			return fmt.Errorf("duplicate work of %s in epoch %d", w.Worker, w.Epoch)
		}
		seen[id] = true
		if w.Work == 0 {
			return fmt.Errorf("work of %s in epoch %d is zero", w.Worker, w.Epoch)
		}
		if _, ok := payouts[w.Epoch]; !ok && w.Epoch != gs.Epoch.Number {
			return fmt.Errorf("work of %s in epoch %d belongs to no epoch in progress or being paid", w.Worker, w.Epoch)
		}
		if work[w.Epoch]+w.Work < work[w.Epoch] {
			return fmt.Errorf("work of epoch %d overflows", w.Epoch)
		}
		work[w.Epoch] += w.Work
		workers[w.Epoch]++
	}
	if work[gs.Epoch.Number] != gs.Epoch.TotalWork || workers[gs.Epoch.Number] != gs.Epoch.Workers {
		return fmt.Errorf("epoch %d: total_work %d and workers %d do not match its work (%d work, %d workers)",
			gs.Epoch.Number, gs.Epoch.TotalWork, gs.Epoch.Workers, work[gs.Epoch.Number], workers[gs.Epoch.Number])
	}
	for _, p := range gs.PendingPayouts {
		if work[p.Epoch] > p.TotalWork {
			return fmt.Errorf("pending payout of epoch %d: unpaid work %d exceeds total_work %d", p.Epoch, work[p.Epoch], p.TotalWork)
		}
	}
	return nil
}

// addressKey decodes a bech32 address whatever its prefix (the keeper checks
// the prefix) and returns its bytes as a map key.
func addressKey(addr string) (string, error) {
	_, bz, err := bech32.DecodeAndConvert(addr)
	if err != nil {
		return "", fmt.Errorf("invalid address %q: %w", addr, err)
	}
	if err := sdk.VerifyAddressFormat(bz); err != nil {
		return "", fmt.Errorf("invalid address %q: %w", addr, err)
	}
	return string(bz), nil
}

// validCoin checks that c is a valid, non-negative coin of denom.
func validCoin(c sdk.Coin, denom string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Denom != denom {
		return fmt.Errorf("denom must be %s, got %s", denom, c.Denom)
	}
	return nil
}
