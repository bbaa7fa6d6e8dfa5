package app

import (
	"runtime/debug"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"

	"github.com/hyra-network/hyra/app/precheck"
)

// What the node answers a sender carries no source file paths: they say
// nothing to a user and expose the build. Two places in the SDK add them.

// RegisterTxService registers the SDK's tx service (simulate, broadcast, get
// tx) with a simulation whose error is only the message: the SDK formats it
// with %v, and an errorsmod error formatted so appends the file and line
// where it was created ("pool not found [x/taskpool/keeper/keeper.go:154]").
func (app *App) RegisterTxService(clientCtx client.Context) {
	authtx.RegisterTxService(app.GRPCQueryRouter(), clientCtx, app.simulate, app.interfaceRegistry)
}

func (app *App) simulate(txBytes []byte) (sdk.GasInfo, *sdk.Result, error) {
	gasInfo, res, err := app.Simulate(txBytes)
	if err != nil {
		err = messageOnly{err}
	}
	return gasInfo, res, err
}

// messageOnly is an error that formats as its message under every verb.
type messageOnly struct{ err error }

func (e messageOnly) Error() string { return e.err.Error() }
func (e messageOnly) Unwrap() error { return e.err }

// panicWithoutStack is the transaction panic handler that answers the panic's
// value, where the SDK's default answers it with the goroutine's stack. The
// error, and so the code, is the default's (ErrPanic); the stack goes to the
// node's log. An out-of-gas panic never reaches it (the SDK handles it first).
func panicWithoutStack(logger log.Logger) baseapp.RecoveryHandler {
	return func(r any) error {
		logger.Error("transaction panicked", "panic", r, "stack", string(debug.Stack()))
		return errorsmod.Wrap(sdkerrors.ErrPanic, "recovered: "+precheck.PanicText(r))
	}
}
