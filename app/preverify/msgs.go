package preverify

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// StatementSource builds the statement a result's proof is checked against,
// from state; x/taskpool's keeper is one.
type StatementSource interface {
	ResultStatement(ctx context.Context, msg *tptypes.MsgSubmitResult) (verifier.Statement, []byte, error)
}

// Bounds on the results one transaction may carry; the ante handler refuses
// a transaction beyond them (it must count every result to charge for it).
const (
	// MaxExecDepth is how deep authz MsgExec may nest in a transaction that
	// carries results.
	MaxExecDepth = 4
	// MaxResultsPerTx matches the most claims a worker can hold
	// (max_active_tasks <= 100); the SDK's decoder allows no more than 100
	// messages, nested ones included, in any case.
	MaxResultsPerTx = 100
)

// countResults returns how many MsgSubmitResult msgs carry, those wrapped in
// authz MsgExec included, or an error when they nest deeper than
// MaxExecDepth or number more than MaxResultsPerTx.
func countResults(msgs []sdk.Msg) (int, error) {
	n := 0
	if err := walkResults(msgs, 0, &n); err != nil {
		return 0, err
	}
	return n, nil
}

func walkResults(msgs []sdk.Msg, depth int, n *int) error {
	for _, m := range msgs {
		switch msg := m.(type) {
		case *tptypes.MsgSubmitResult:
			if *n++; *n > MaxResultsPerTx {
				return errorsmod.Wrapf(sdkerrors.ErrInvalidRequest, "a transaction carries at most %d results", MaxResultsPerTx)
			}
		case *authz.MsgExec:
			if depth >= MaxExecDepth {
				return errorsmod.Wrapf(sdkerrors.ErrInvalidRequest, "authz MsgExec nests at most %d deep", MaxExecDepth)
			}
			inner, err := msg.GetMessages()
			if err != nil {
				return errorsmod.Wrapf(sdkerrors.ErrInvalidRequest, "authz MsgExec messages: %s", err)
			}
			if err := walkResults(inner, depth+1, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// topLevelResults returns tx's own MsgSubmitResult messages, the first for
// each task. These are the only results the pre-verifiers look at: a
// top-level result's worker is its signer (MsgSubmitResult is signed by
// its worker), so a proof found invalid is the signer's own, and one task
// is verified at most once per transaction or block. A result wrapped in
// authz MsgExec is left to the handler, which verifies it only once
// authz has found a grant; the ante handler has charged for it either way.
func topLevelResults(msgs []sdk.Msg, seen map[uint64]bool) []*tptypes.MsgSubmitResult {
	var out []*tptypes.MsgSubmitResult
	for _, m := range msgs {
		if msg, ok := m.(*tptypes.MsgSubmitResult); ok && !seen[msg.TaskId] {
			seen[msg.TaskId] = true
			out = append(out, msg)
		}
	}
	return out
}
