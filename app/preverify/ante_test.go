package preverify_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/app/preverify"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// runAnte runs the decorator alone and reports whether next was reached.
func runAnte(c sdk.Context, e *env, t sdk.Tx, simulate bool) (bool, error) {
	reached := false
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { reached = true; return ctx, nil }
	_, err := preverify.NewAnteDecorator(e.src, e.proofs).AnteHandle(c, t, simulate, next)
	return reached, err
}

func TestAnteDecorator(t *testing.T) {
	e := newEnv(t, "hyra-ante-1", 6)
	send := &banktypes.MsgSend{}
	cases := []struct {
		name    string
		mode    sdk.ExecMode
		sim     bool
		msgs    []sdk.Msg
		wantErr bool
		// verified: the valid results of the tx end up in the cache.
		verified []*tptypes.MsgSubmitResult
	}{
		{
			name: "success - valid result is verified and cached", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{e.valid[0]}, verified: e.valid[:1],
		},
		{
			name: "success - results inside authz MsgExec are left to the handler", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{send, exec(exec(e.valid[1])), exec(e.invalid(5))},
		},
		{name: "success - no results: nothing to do", mode: sdk.ExecModeCheck, msgs: []sdk.Msg{send}},
		{
			name: "success - a statement that cannot be built is left to the handler", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{&tptypes.MsgSubmitResult{TaskId: 99, Output: e.valid[0].Output, Proof: e.valid[0].Proof}},
		},
		{
			name: "error - invalid proof refused in CheckTx", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{e.invalid(3)}, wantErr: true,
		},
		{
			name: "error - invalid proof after a valid one", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{e.valid[2], e.invalid(4)}, wantErr: true,
		},
		{
			name: "error - invalid proof after a valid one of another task", mode: sdk.ExecModeCheck,
			msgs: []sdk.Msg{exec(e.valid[1]), e.invalid(5)}, wantErr: true,
		},
		{name: "success - re-check does not verify", mode: sdk.ExecModeReCheck, msgs: []sdk.Msg{e.invalid(3)}},
		{name: "success - simulation does not verify", mode: sdk.ExecModeCheck, sim: true, msgs: []sdk.Msg{e.invalid(3)}},
		{name: "success - block execution does not verify (the handler does)", mode: sdk.ExecModeFinalize, msgs: []sdk.Msg{e.invalid(3)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ctx(t, tc.mode)
			reached, err := runAnte(c, e, tx{tc.msgs}, tc.sim)
			if tc.wantErr {
				require.ErrorIs(t, err, tptypes.ErrInvalidProof)
				require.False(t, reached)
				return
			}
			require.NoError(t, err)
			require.True(t, reached)
			for _, m := range tc.verified {
				require.True(t, e.cached(m), "task %d must have been cached", m.TaskId)
			}
			if tc.name == "success - results inside authz MsgExec are left to the handler" {
				require.False(t, e.cachedNoFill(e.valid[1]), "a result inside MsgExec is not pre-verified")
			}
			require.Zero(t, c.GasMeter().GasConsumed(), "pre-verification must not charge the transaction")
		})
	}
}

// TestAnteDecoratorSurvivesPanic: a panic while building statements skips
// pre-verification instead of failing the transaction.
func TestAnteDecoratorSurvivesPanic(t *testing.T) {
	e := newEnv(t, "hyra-ante-2", 1)
	e.src.panic = true
	reached, err := runAnte(ctx(t, sdk.ExecModeCheck), e, tx{[]sdk.Msg{e.valid[0]}}, false)
	require.NoError(t, err)
	require.True(t, reached)
}

// TestWithDecorator: the SDK's ante handler runs first, and its refusal
// stops the chain before any proof is verified.
func TestWithDecorator(t *testing.T) {
	e := newEnv(t, "hyra-ante-3", 2)
	refuse := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, tptypes.ErrNotAssigned }
	h := preverify.WithDecorator(refuse, preverify.NewAnteDecorator(e.src, e.proofs))
	_, err := h(ctx(t, sdk.ExecModeCheck), tx{[]sdk.Msg{e.valid[0]}}, false)
	require.ErrorIs(t, err, tptypes.ErrNotAssigned)
	require.Zero(t, e.src.calls, "no statement is built for a transaction the SDK refused")

	h = preverify.WithDecorator(nil, preverify.NewAnteDecorator(e.src, e.proofs))
	_, err = h(ctx(t, sdk.ExecModeCheck), tx{[]sdk.Msg{e.invalid(1)}}, false)
	require.ErrorIs(t, err, tptypes.ErrInvalidProof)
}

// TestAnteDecoratorOneProofPerTask: CheckTx verifies the first result of
// each task in a transaction; a second result for the same task is the
// handler's (which refuses it: the task is no longer claimed).
func TestAnteDecoratorOneProofPerTask(t *testing.T) {
	e := newEnv(t, "hyra-ante-4", 1)
	reached, err := runAnte(ctx(t, sdk.ExecModeCheck), e, tx{[]sdk.Msg{e.valid[0], e.invalid(1), e.invalid(1)}}, false)
	require.NoError(t, err)
	require.True(t, reached)
	require.Equal(t, 1, e.src.calls, "one statement for the task")
}
