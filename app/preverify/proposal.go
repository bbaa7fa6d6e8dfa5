package preverify

import (
	"runtime"
	"sync"
	"sync/atomic"

	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/zk/verifier"
)

// ProcessProposalHandler wraps next (the SDK's handler, which decides):
// before it runs, the block's result proofs are verified in parallel on
// every core, to fill the verified-proof cache for FinalizeBlock. It never
// changes the answer: a proof that fails here fails again, in the handler,
// deterministically.
func ProcessProposalHandler(next sdk.ProcessProposalHandler, decode sdk.TxDecoder, src StatementSource) sdk.ProcessProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		Block(ctx, req.Txs, decode, src, runtime.GOMAXPROCS(0))
		return next(ctx, req)
	}
}

// Block verifies the results of a block's transactions with up to workers
// goroutines, all joined before it returns, and reports how many proofs it
// looked at and how many verified. Statements are built one after the other
// (state is not for concurrent use); only the pure verification runs in
// parallel, each goroutine batch-verifying its share (verifier.VerifyBatch).
// Proofs already cached are answered at once. It never fails: a transaction
// that does not decode, a statement that cannot be built or a panic leaves
// the work to the handler.
func Block(ctx sdk.Context, txs [][]byte, decode sdk.TxDecoder, src StatementSource, workers int) (seen, ok int) {
	jobs := blockJobs(ctx, txs, decode, src)
	if len(jobs) == 0 {
		return 0, 0
	}
	var verified atomic.Int64
	var wg sync.WaitGroup
	n := max(1, min(workers, len(jobs)))
	for w := range n {
		share := jobs[w*len(jobs)/n : (w+1)*len(jobs)/n]
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					ctx.Logger().Error("parallel proof pre-verification panicked; leaving it to the handler", "panic", r)
				}
			}()
			for len(share) > 0 {
				k := min(len(share), maxBatch)
				verified.Add(int64(verifyJobs(share[:k], nil)))
				share = share[k:]
			}
		}()
	}
	wg.Wait()
	return len(jobs), int(verified.Load())
}

// maxBatch bounds a batch verification: large enough that the shared final
// exponentiation is amortised, small enough that a batch with an invalid
// proof in it is split again in a few steps.
const maxBatch = 64

// verifyJobs batch-verifies jobs, calls failed (when not nil) with the index
// of each job whose proof did not verify, and returns how many did.
func verifyJobs(jobs []verifier.Item, failed func(i int)) int {
	ok := 0
	for i, err := range verifier.VerifyBatch(jobs) {
		switch {
		case err == nil:
			ok++
		case failed != nil:
			failed(i)
		}
	}
	return ok
}

// blockJobs decodes the block's transactions and builds each result's
// statement from the state before the block.
func blockJobs(ctx sdk.Context, txs [][]byte, decode sdk.TxDecoder, src StatementSource) (jobs []verifier.Item) {
	defer func() {
		if r := recover(); r != nil {
			ctx.Logger().Error("building statements for pre-verification panicked; leaving it to the handler", "panic", r)
			jobs = nil
		}
	}()
	qctx := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithEventManager(sdk.NewEventManager())
	for _, bz := range txs {
		tx, err := decode(bz)
		if err != nil {
			continue
		}
		for _, msg := range resultMsgs(tx) {
			st, vk, err := src.ResultStatement(qctx, msg)
			if err != nil {
				continue
			}
			jobs = append(jobs, verifier.Item{VK: vk, Proof: msg.Proof, St: st})
		}
	}
	return jobs
}
