package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/hyra-network/hyra/zk/verifier"
)

// ValidateBasic checks only the sizes of a contribution, so that a malformed
// one never reaches a block; the points and the proof are checked (and paid
// for) by the handler.
func (m *MsgContributeSetup) ValidateBasic() error {
	for _, f := range []struct {
		name string
		got  int
		want int
	}{
		{"state_hash", len(m.StateHash), verifier.SetupStateHashSize},
		{"delta_g1", len(m.DeltaG1), verifier.SetupDeltaG1Size},
		{"delta_g2", len(m.DeltaG2), verifier.SetupDeltaG2Size},
		{"proof", len(m.Proof), verifier.SetupUpdateProofSize},
	} {
		if f.got != f.want {
			return errorsmod.Wrapf(ErrBadContribution, "%s is %d bytes, want %d", f.name, f.got, f.want)
		}
	}
	return nil
}
