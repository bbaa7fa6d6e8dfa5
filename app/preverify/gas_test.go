package preverify_test

import (
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/hyra-network/hyra/app/preverify"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// runGas runs GasDecorator on msgs in mode with a meter of limit gas, and
// reports the gas charged and whether next was reached.
func runGas(t *testing.T, mode sdk.ExecMode, simulate bool, limit uint64, msgs ...sdk.Msg) (uint64, bool, error) {
	t.Helper()
	c := ctx(t, mode).WithGasMeter(storetypes.NewGasMeter(limit))
	reached := false
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { reached = true; return ctx, nil }
	_, err := preverify.GasDecorator{}.AnteHandle(c, tx{msgs}, simulate, next)
	return c.GasMeter().GasConsumed(), reached, err
}

// nest wraps m in depth authz MsgExec.
func nest(m sdk.Msg, depth int) sdk.Msg {
	for range depth {
		m = exec(m)
	}
	return m
}

// TestGasDecoratorChargesEveryResult: VerifyGas per result, nested ones
// included, in every mode, whether or not anything verifies the proofs (no
// statement source is even involved); nothing for other messages.
func TestGasDecoratorChargesEveryResult(t *testing.T) {
	r := &tptypes.MsgSubmitResult{TaskId: 1}
	msgs := []sdk.Msg{r, &banktypes.MsgSend{}, exec(r, exec(r, r)), nest(r, preverify.MaxExecDepth)}
	for _, mode := range []sdk.ExecMode{sdk.ExecModeCheck, sdk.ExecModeReCheck, sdk.ExecModeSimulate, sdk.ExecModeFinalize} {
		gas, reached, err := runGas(t, mode, mode == sdk.ExecModeSimulate, 1_000_000, msgs...)
		require.NoError(t, err)
		require.True(t, reached)
		require.Equal(t, 5*verifier.VerifyGas, gas, "mode %v", mode)
	}
	gas, reached, err := runGas(t, sdk.ExecModeFinalize, false, 1_000_000, &banktypes.MsgSend{})
	require.NoError(t, err)
	require.True(t, reached)
	require.Zero(t, gas)
}

// TestGasDecoratorOutOfGas: a transaction that cannot pay for its results
// stops in the ante handler, before anything after it (the pre-verifiers)
// runs.
func TestGasDecoratorOutOfGas(t *testing.T) {
	many := make([]sdk.Msg, 64)
	for i := range many {
		many[i] = &tptypes.MsgSubmitResult{TaskId: 1}
	}
	reached := false
	require.PanicsWithValue(t, storetypes.ErrorOutOfGas{Descriptor: "verify result proofs"}, func() {
		_, reached, _ = runGas(t, sdk.ExecModeCheck, false, 64*verifier.VerifyGas-1, exec(many...))
	})
	require.False(t, reached)
}

// TestGasDecoratorBounds: results nested too deep or too many are refused
// with a clear error, never skipped.
func TestGasDecoratorBounds(t *testing.T) {
	r := &tptypes.MsgSubmitResult{TaskId: 1}
	_, reached, err := runGas(t, sdk.ExecModeFinalize, false, 1e9, nest(r, preverify.MaxExecDepth+1))
	require.ErrorIs(t, err, sdkerrors.ErrInvalidRequest)
	require.ErrorContains(t, err, "MsgExec nests at most 4 deep")
	require.False(t, reached)
	_, _, err = runGas(t, sdk.ExecModeCheck, false, 1e9, nest(&banktypes.MsgSend{}, preverify.MaxExecDepth+1))
	require.ErrorContains(t, err, "MsgExec nests at most 4 deep")

	many := make([]sdk.Msg, preverify.MaxResultsPerTx+1)
	for i := range many {
		many[i] = r
	}
	_, _, err = runGas(t, sdk.ExecModeCheck, false, 1e9, r, exec(many[1:]...))
	require.ErrorContains(t, err, "at most 100 results")
	gas, _, err := runGas(t, sdk.ExecModeCheck, false, 1e9, exec(many[1:]...))
	require.NoError(t, err, "exactly the most is fine")
	require.Equal(t, uint64(preverify.MaxResultsPerTx)*verifier.VerifyGas, gas)
}
