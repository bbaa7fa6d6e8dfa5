package types

import "fmt"

// validateDeferredShares checks genesis deferred shares: a payer that may
// hold escrow, a known kind of recipient, a positive amount (the reward
// pool's in the bond denom, as settlements defer it), and one entry per
// payer, denom and recipient, as the store keeps them.
func (gs GenesisState) validateDeferredShares() error {
	seen := make(map[[3]string]bool, len(gs.DeferredShares))
	for _, s := range gs.DeferredShares {
		if s.PayerModule == "" || s.PayerModule == BondPoolName || s.PayerModule == RewardPoolName {
			return fmt.Errorf("deferred share: payer module %q holds no escrow", s.PayerModule)
		}
		if s.Recipient != RewardPoolName && s.Recipient != CommunityPoolRecipient {
			if _, err := addressKey(s.Recipient); err != nil {
				return fmt.Errorf("deferred share of %s: recipient: %w", s.PayerModule, err)
			}
		}
		if err := s.Amount.Validate(); err != nil || !s.Amount.IsPositive() {
			return fmt.Errorf("deferred share of %s to %s: amount must be positive, got %s", s.PayerModule, s.Recipient, s.Amount)
		}
		if s.Recipient == RewardPoolName && s.Amount.Denom != gs.Params.BondDenom() {
			return fmt.Errorf("deferred share of %s to the reward pool: %s is not the bond denom", s.PayerModule, s.Amount)
		}
		key := [3]string{s.PayerModule, s.Amount.Denom, s.Recipient}
		if seen[key] {
			return fmt.Errorf("duplicate deferred share of %s to %s in %s", s.PayerModule, s.Recipient, s.Amount.Denom)
		}
		seen[key] = true
	}
	return nil
}
