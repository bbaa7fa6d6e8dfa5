package precheck

import (
	"fmt"
	"runtime/debug"

	errorsmod "cosmossdk.io/errors"
	storetypes "cosmossdk.io/store/types"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// Router finds the handler of a message: the application's
// *baseapp.MsgServiceRouter, which block execution uses too.
type Router interface {
	Handler(msg sdk.Msg) baseapp.MsgServiceHandler
}

// Wrap returns ante followed by the precheck, so that the messages run after
// every ante decorator (fees deducted, sequence incremented, proof gas
// charged), as they do in a block.
func Wrap(ante sdk.AnteHandler, router Router) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		if ante != nil {
			var err error
			if ctx, err = ante(ctx, tx, simulate); err != nil {
				return ctx, err
			}
		}
		if simulate || ctx.ExecMode() != sdk.ExecModeCheck {
			return ctx, nil
		}
		return ctx, Check(ctx, tx, router)
	}
}

// MaxGas bounds the gas (and so the work) the precheck spends on one
// transaction's messages: a refusal in CheckTx is free for its sender, so the
// precheck must cost little more than the ante handler (which uses about
// 40,000 gas and a signature check). A task submission uses about 70,000.
// Messages beyond the bound are left to the block.
const MaxGas = 300_000

// Check runs the leading messages of tx that the precheck covers (see
// Prechecked), up to MaxGas, on a discarded branch of ctx's state and returns
// the first handler error, wrapped with the message's index; nil if they all
// pass. ctx, its state, gas meter and events are left untouched.
func Check(ctx sdk.Context, tx sdk.Tx, router Router) (err error) {
	msgs := tx.GetMsgs()
	n := 0
	for n < len(msgs) && Prechecked(msgs[n]) {
		n++
	}
	limit, used := ctx.GasMeter().Limit(), ctx.GasMeter().GasConsumed()
	if n == 0 || used >= limit {
		return nil
	}
	// The messages start with what the ante handler used, as in a block.
	budget, capped := limit, false
	if limit-used > MaxGas {
		budget, capped = used+MaxGas, true
	}
	meter := storetypes.NewGasMeter(budget)
	meter.ConsumeGas(used, "ante")
	i := 0
	defer func() {
		if r := recover(); r != nil {
			err = panicError(ctx, r, i, msgs[i], limit, capped)
		}
	}()
	branch, _ := ctx.CacheContext()
	branch = branch.WithGasMeter(meter).WithEventManager(sdk.NewEventManager())
	for ; i < n; i++ {
		handler := router.Handler(msgs[i])
		if handler == nil {
			return nil // the block refuses it, with its own error
		}
		if _, err := handler(branch, msgs[i]); err != nil {
			return errorsmod.Wrapf(err, "would fail in a block; message index: %d", i)
		}
	}
	return nil
}

// panicError turns a handler's panic into the refusal the block would give:
// out of gas, or a panic, logged with its stack on the node (not in the
// answer to the sender). Running out of the precheck's own bound (capped) is
// no error: the rest is left to the block.
func panicError(ctx sdk.Context, r any, i int, msg sdk.Msg, limit uint64, capped bool) error {
	if oog, ok := r.(storetypes.ErrorOutOfGas); ok {
		if capped {
			return nil
		}
		return errorsmod.Wrapf(sdkerrors.ErrOutOfGas,
			"message index: %d would run out of gas (%s) within the transaction's gas limit of %d; raise --gas or use --gas auto",
			i, oog.Descriptor, limit)
	}
	ctx.Logger().Error("precheck: a message handler panicked", "msg", sdk.MsgTypeURL(msg), "panic", r, "stack", string(debug.Stack()))
	return errorsmod.Wrapf(sdkerrors.ErrPanic, "message index: %d: %s", i, PanicText(r))
}

// PanicText is a panic's value as text without a source location: an
// errorsmod error formatted with %v appends the file and line it was made at.
func PanicText(r any) string {
	if err, ok := r.(error); ok {
		return err.Error()
	}
	return fmt.Sprint(r)
}
