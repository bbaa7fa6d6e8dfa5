package preverify

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// StatementSource builds the statement a result's proof is checked against,
// from state; x/taskpool's keeper is one.
type StatementSource interface {
	ResultStatement(ctx context.Context, msg *tptypes.MsgSubmitResult) (verifier.Statement, []byte, error)
}

// Bounds on what one transaction can make a pre-verifier look at. Beyond
// them the handler verifies the rest itself.
const (
	maxExecDepth    = 4  // authz MsgExec inside MsgExec
	maxResultsPerTx = 64 // a worker holds at most max_active_tasks (<= 100) claims
)

// resultMsgs returns the MsgSubmitResult messages of tx, including those
// wrapped in authz MsgExec (to maxExecDepth), at most maxResultsPerTx.
func resultMsgs(tx sdk.Tx) []*tptypes.MsgSubmitResult {
	var out []*tptypes.MsgSubmitResult
	collectResults(tx.GetMsgs(), 0, &out)
	return out
}

func collectResults(msgs []sdk.Msg, depth int, out *[]*tptypes.MsgSubmitResult) {
	for _, m := range msgs {
		if len(*out) >= maxResultsPerTx {
			return
		}
		switch msg := m.(type) {
		case *tptypes.MsgSubmitResult:
			*out = append(*out, msg)
		case *authz.MsgExec:
			if depth >= maxExecDepth {
				continue
			}
			inner, err := msg.GetMessages()
			if err != nil {
				continue
			}
			collectResults(inner, depth+1, out)
		}
	}
}
