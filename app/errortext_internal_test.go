package app

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"
	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// TestPanicAnswerHasNoStack: a transaction that panics is answered with the
// SDK's panic error (same code) and the panic's value, without the stack or
// the location an errorsmod value would add under %v.
func TestPanicAnswerHasNoStack(t *testing.T) {
	for _, r := range []any{"index out of range", errorsmod.Wrap(sdkerrors.ErrInvalidRequest, "boom")} {
		err := panicWithoutStack(log.NewNopLogger())(r)
		require.ErrorIs(t, err, sdkerrors.ErrPanic)
		codespace, code, msg := errorsmod.ABCIInfo(err, false)
		require.Equal(t, sdkerrors.ErrPanic.Codespace(), codespace)
		require.Equal(t, sdkerrors.ErrPanic.ABCICode(), code)
		require.Contains(t, msg, "recovered: ")
		require.NotContains(t, msg, ".go")
		require.NotContains(t, msg, "goroutine")
	}
}
