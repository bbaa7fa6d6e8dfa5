package preverify

import (
	"crypto/sha256"

	errorsmod "cosmossdk.io/errors"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// AnteDecorator verifies the proof of each top-level MsgSubmitResult of a
// new transaction in CheckTx (the first per task), after the SDK's
// decorators (signatures, fees) and GasDecorator have passed, and refuses
// the transaction, with the verifier's error, if one does not verify. A
// verified proof lands in the verified-proof cache of the verifier.Verifier
// it shares with the handler, where the handler finds it.
//
// With an Async verifier, CheckTx only builds the statements and hands the
// proofs to it. A transaction whose proof it finds invalid is not held back:
// it reaches a block, where the handler refuses it with the verifier's error
// and its signer pays the verification gas, so the submitter gets a definite
// answer. Its signer becomes suspect: CheckTx verifies that signer's later
// proofs itself, under the ABCI lock, and refuses an invalid one at once.
// Without an Async verifier, CheckTx always verifies itself.
//
// It acts only in CheckTx: not in re-checks, simulation or block execution,
// where it passes the transaction on untouched. It reads state with an
// infinite gas meter of its own, so a transaction's gas in CheckTx is what
// execution charges. A result whose statement cannot be built yet (its
// claim may come from an earlier message of the same transaction, say) is
// left to the handler, which decides; only a proof that fails against the
// statement the handler would use is refused, so nothing the handler would
// accept is refused here.
type AnteDecorator struct {
	src    StatementSource
	proofs *verifier.Verifier
	async  *Async
}

// NewAnteDecorator returns the decorator that verifies in CheckTx with
// proofs, the handler's verifier, for the keeper that builds statements
// (x/taskpool's).
func NewAnteDecorator(src StatementSource, proofs *verifier.Verifier) AnteDecorator {
	return AnteDecorator{src: src, proofs: proofs}
}

// NewAsyncAnteDecorator returns the decorator that hands proofs to a, and
// verifies those it keeps with a's verifier.
func NewAsyncAnteDecorator(src StatementSource, a *Async) AnteDecorator {
	return AnteDecorator{src: src, proofs: a.proofs, async: a}
}

// AnteHandle implements sdk.AnteDecorator.
func (d AnteDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if !simulate && ctx.ExecMode() == sdk.ExecModeCheck {
		if err := d.check(ctx, tx); err != nil {
			return ctx, err
		}
	}
	return next(ctx, tx, simulate)
}

// check verifies (or queues) tx's results; only an invalid proof is an
// error. A panic (which nothing here should raise) skips pre-verification:
// the handler verifies in any case.
func (d AnteDecorator) check(ctx sdk.Context, tx sdk.Tx) (err error) {
	msgs := topLevelResults(tx.GetMsgs(), map[uint64]bool{})
	if len(msgs) == 0 {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			ctx.Logger().Error("proof pre-verification panicked; leaving it to the handler", "panic", r)
			err = nil
		}
	}()
	qctx := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithEventManager(sdk.NewEventManager())
	for _, msg := range msgs {
		st, vk, err := d.src.ResultStatement(qctx, msg)
		if err != nil {
			continue
		}
		if d.async != nil {
			if d.proofs.Cached(vk, msg.Proof, st) {
				continue
			}
			// st.Worker is the result's signer, in address bytes whatever the spelling of msg.Worker.
			signer := sha256.Sum256(st.Worker)
			if d.async.trusts(signer) && d.async.submit(asyncJob{verifier.Item{VK: vk, Proof: msg.Proof, St: st}, signer}) {
				continue
			}
			// A signer with an invalid proof on record, or a full queue: verify here, which also
			// slows the sender down.
		}
		if err := d.proofs.Verify(vk, msg.Proof, st); err != nil {
			return errorsmod.Wrapf(tptypes.ErrInvalidProof, "task %d: %s", msg.TaskId, err)
		}
	}
	return nil
}

// WithDecorator runs ante, then d: the SDK's checks (signatures, fees)
// before any proof is verified.
func WithDecorator(ante sdk.AnteHandler, d sdk.AnteDecorator) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		if ante != nil {
			var err error
			if ctx, err = ante(ctx, tx, simulate); err != nil {
				return ctx, err
			}
		}
		return d.AnteHandle(ctx, tx, simulate, func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil })
	}
}
