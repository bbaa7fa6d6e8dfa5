package preverify

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/zk/verifier"
)

// GasDecorator charges verifier.VerifyGas for every result a transaction
// carries, those inside authz MsgExec included, before anything verifies a
// proof: the signer pays for each result whether the handler later accepts
// it, refuses its proof, or never reaches it (a MsgExec without a grant).
// The x/taskpool handler charges nothing more for the verification.
//
// It runs in every mode, CheckTx, simulation and block execution alike, and
// whatever preverify-check-tx says: the charge is part of the transaction's
// gas, so it depends on the transaction alone. A transaction whose results
// nest too deep or number too many (MaxExecDepth, MaxResultsPerTx) is
// refused, the same way on every node.
type GasDecorator struct{}

// AnteHandle implements sdk.AnteDecorator.
func (GasDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	n, err := countResults(tx.GetMsgs())
	if err != nil {
		return ctx, err
	}
	if n > 0 {
		ctx.GasMeter().ConsumeGas(uint64(n)*verifier.VerifyGas, "verify result proofs")
	}
	return next(ctx, tx, simulate)
}
