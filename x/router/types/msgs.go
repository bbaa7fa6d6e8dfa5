package types

import tptypes "github.com/hyra-network/hyra/x/taskpool/types"

// ValidateBasic rejects an unknown input encoding and an input whose size
// that encoding cannot decode before the message reaches a block, as
// MsgSubmitTask does.
func (m *MsgRouteTask) ValidateBasic() error {
	return tptypes.CheckInputSize(m.Input, m.InputEncoding)
}
