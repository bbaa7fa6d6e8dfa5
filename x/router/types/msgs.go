package types

import (
	errorsmod "cosmossdk.io/errors"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// ValidateBasic rejects an unknown input encoding and an input whose size
// that encoding cannot decode before the message reaches a block, as
// MsgSubmitTask does.
func (m *MsgRouteTask) ValidateBasic() error {
	return tptypes.CheckInputSize(m.Input, m.InputEncoding)
}

// MaxClaimCount is the most tasks one MsgClaimBest may ask for: the highest
// max_active_tasks x/taskpool's params allow, so that a larger count could
// never claim more.
const MaxClaimCount = 100

// ValidateBasic refuses a count above MaxClaimCount.
func (m *MsgClaimBest) ValidateBasic() error {
	if m.Count > MaxClaimCount {
		return errorsmod.Wrapf(ErrInvalidFilter, "count %d: at most %d tasks per claim", m.Count, MaxClaimCount)
	}
	return nil
}
