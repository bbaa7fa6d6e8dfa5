package types

import (
	errorsmod "cosmossdk.io/errors"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// ValidateBasic runs MsgSubmitTask's cheap checks on the task: an input its
// encoding can decode, or a private task's commitment and self-ciphertext.
func (m *MsgRouteTask) ValidateBasic() error {
	sub := tptypes.MsgSubmitTask{
		Input: m.Input, InputEncoding: m.InputEncoding,
		Private: m.Private, InputCommitment: m.InputCommitment, SelfCiphertext: m.SelfCiphertext,
	}
	return sub.ValidateBasic()
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
