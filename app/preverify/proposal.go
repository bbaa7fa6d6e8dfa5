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
// every core with proofs, the handler's verifier, to fill its verified-proof
// cache for FinalizeBlock, within proposalLimit. It never changes the
// answer: a proof that fails here fails again, in the handler,
// deterministically.
func ProcessProposalHandler(next sdk.ProcessProposalHandler, decode sdk.TxDecoder, src StatementSource, proofs *verifier.Verifier) sdk.ProcessProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		Block(ctx, req.Txs, decode, src, proofs, runtime.GOMAXPROCS(0), proposalLimit(ctx))
		return next(ctx, req)
	}
}

// ProposalLimit is the most proofs ProcessProposal verifies for one
// proposal. Verification there happens before the block's signatures or
// grants are checked, so a proposer could otherwise fill a block with
// results nobody will pay for and have every validator verify them. With
// the limit, the worst such block costs a validator 2.5 s of CPU, what a
// block of about 1,300 valid results costs it (BENCHMARKS.md, "Worst-case
// proposal"); proofs past the limit, if valid, are verified by the handler,
// after the ante handler charged for them.
const ProposalLimit = 1024

// statementsPerProof bounds the statements built for one proposal, as a
// multiple of the proofs verified: statements of proofs already in the
// cache cost a few reads each, and are not counted against the limit.
const statementsPerProof = 4

// proposalLimit is ProposalLimit, or less when the block gas limit
// (consensus param max_gas) pays for fewer verifications.
func proposalLimit(ctx sdk.Context) int {
	if b := ctx.ConsensusParams().Block; b != nil && b.MaxGas > 0 {
		return int(min(uint64(ProposalLimit), uint64(b.MaxGas)/verifier.VerifyGas))
	}
	return ProposalLimit
}

// Block verifies the results of a block's transactions with proofs, on up
// to workers goroutines, all joined before it returns, and reports how many proofs it
// verified and how many of those were valid. It looks only at top-level
// results, the first for each task in the block, and verifies at most limit
// proofs that are not cached yet. Statements are built one after the other
// (state is not for concurrent use); only the pure verification runs in
// parallel, each goroutine batch-verifying its share (Verifier.VerifyBatch).
// It never fails: a transaction that does not decode, a statement that
// cannot be built or a panic leaves the work to the handler.
func Block(ctx sdk.Context, txs [][]byte, decode sdk.TxDecoder, src StatementSource, proofs *verifier.Verifier, workers, limit int) (seen, ok int) {
	jobs := blockJobs(ctx, txs, decode, src, proofs, limit)
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
				verified.Add(int64(verifyJobs(proofs, share[:k], nil)))
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

// verifyJobs batch-verifies jobs with proofs, calls failed (when not nil)
// with the index of each job whose proof did not verify, and returns how many
// did.
func verifyJobs(proofs *verifier.Verifier, jobs []verifier.Item, failed func(i int)) int {
	ok := 0
	for i, err := range proofs.VerifyBatch(jobs) {
		switch {
		case err == nil:
			ok++
		case failed != nil:
			failed(i)
		}
	}
	return ok
}

// blockJobs decodes the block's transactions and builds, from the state
// before the block, the statements of at most limit proofs to verify: the
// first top-level result of each task, not in proofs' cache yet.
func blockJobs(ctx sdk.Context, txs [][]byte, decode sdk.TxDecoder, src StatementSource, proofs *verifier.Verifier, limit int) (jobs []verifier.Item) {
	defer func() {
		if r := recover(); r != nil {
			ctx.Logger().Error("building statements for pre-verification panicked; leaving it to the handler", "panic", r)
			jobs = nil
		}
	}()
	qctx := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithEventManager(sdk.NewEventManager())
	seen := map[uint64]bool{}
	statements := 0
	for _, bz := range txs {
		tx, err := decode(bz)
		if err != nil {
			continue
		}
		for _, msg := range topLevelResults(tx.GetMsgs(), seen) {
			if len(jobs) >= limit || statements >= statementsPerProof*limit {
				return jobs
			}
			statements++
			st, vk, err := src.ResultStatement(qctx, msg)
			if err != nil || proofs.Cached(vk, msg.Proof, st) {
				continue
			}
			jobs = append(jobs, verifier.Item{VK: vk, Proof: msg.Proof, St: st})
		}
	}
	return jobs
}
