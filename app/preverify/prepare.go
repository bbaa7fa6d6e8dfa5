package preverify

import (
	"crypto/sha256"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// PrepareProposalHandler wraps next (the SDK's handler) for a proposer that
// verifies in the background: transactions whose proofs the Async verifier
// already found invalid are left out of the block. CheckTx accepted them
// before their verification finished; the re-check after the next block
// would evict them, and this keeps them out of that block too. Which
// transactions a proposer includes is its own choice, so this changes no
// validator's view of a block it is given.
func PrepareProposalHandler(next sdk.PrepareProposalHandler, a *Async) sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		if a.failed.Len() == 0 {
			return next(ctx, req)
		}
		kept := make([][]byte, 0, len(req.Txs))
		for _, tx := range req.Txs {
			if !a.failed.Has(sha256.Sum256(tx)) {
				kept = append(kept, tx)
			}
		}
		filtered := *req
		filtered.Txs = kept
		return next(ctx, &filtered)
	}
}
