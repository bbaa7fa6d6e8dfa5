package keeper

import "github.com/hyra-network/hyra/x/taskpool/types"

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name
// (SubmitTask and ClaimTask exist on both, with different signatures).
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/taskpool. Each handler decodes
// the signer and calls the keeper method of the same name, which does every
// check, so that x/router calling those methods gets the same rules. The one
// difference is the pool creation fee, which only CreateTaskPool charges.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}
