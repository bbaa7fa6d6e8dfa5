package preverify

import (
	"sync"
	"time"

	"github.com/hyra-network/hyra/internal/fifoset"
	"github.com/hyra-network/hyra/zk/verifier"
)

// Async verifies proofs on a fixed set of background goroutines, off the
// ABCI lock: CheckTx hands a transaction's proofs over and returns at once,
// and they are verified while the node executes blocks and checks other
// transactions. That is the second core at work while the first holds the
// lock. A proof that fails makes its signer suspect (see trusts); its
// transaction is left alone, to reach a block where the handler refuses it.
//
// The workers only fill their verifier's cache and the suspect set; they never
// touch state, and nothing that FinalizeBlock computes depends on them: a
// proof they have not reached yet is verified by ProcessProposal or the
// handler, with the same result. The queue and the suspect set are bounded.
type Async struct {
	proofs  *verifier.Verifier
	jobs    chan asyncJob
	suspect *fifoset.Set // signers who sent an invalid proof: CheckTx verifies theirs itself
	workers int
	start   sync.Once
	wg      sync.WaitGroup
}

// asyncJob is a proof with the hash of its signer's address.
type asyncJob struct {
	verifier.Item
	signer [32]byte
}

// Bounds of the background verifier: a full mempool's worth of queued
// proofs, and as many remembered suspects.
const (
	asyncQueue   = 10_000
	suspectLimit = 10_000
)

// NewAsync returns a background verifier with workers goroutines verifying
// with proofs (the handler's verifier, whose cache they fill), started with
// the first proof handed over (an app that never checks a transaction, such
// as one built for an export, starts none).
func NewAsync(workers int, proofs *verifier.Verifier) *Async {
	return &Async{proofs: proofs, jobs: make(chan asyncJob, asyncQueue), suspect: fifoset.New(suspectLimit), workers: max(1, workers)}
}

// trusts reports whether CheckTx may hand signer's proofs over instead of
// verifying them itself. A signer with an invalid proof on record loses
// that: otherwise each invalid proof it sends would pass CheckTx, be
// gossiped, and cost every node a verification (more, inside a batch that
// must be split) before its block refuses it. Verified in CheckTx, its next
// invalid proof is refused at once, with the verifier's error, and goes
// nowhere. Only the signer's own results are handed over (topLevelResults),
// so nobody can make another account suspect.
func (a *Async) trusts(signer [32]byte) bool { return !a.suspect.Has(signer) }

func (a *Async) work() {
	defer a.wg.Done()
	for j := range a.jobs {
		a.verify(a.drain(j))
	}
}

// drain returns first with the jobs that arrive within batchWait after it,
// up to maxBatch. Proofs arrive one per CheckTx, and a batch of one costs a
// full verification while a batch of 16 costs half as much per proof
// (zk/verifier's BenchmarkVerifyBatch); the wait is nothing next to a block
// interval, and under load the batch fills before it ends.
func (a *Async) drain(first asyncJob) []asyncJob {
	batch := []asyncJob{first}
	timer := time.NewTimer(batchWait)
	defer timer.Stop()
	for len(batch) < maxBatch {
		select {
		case j, ok := <-a.jobs:
			if !ok {
				return batch
			}
			batch = append(batch, j)
		case <-timer.C:
			return batch
		}
	}
	return batch
}

// batchWait is how long a background verifier waits for more proofs to
// batch with the first.
const batchWait = 20 * time.Millisecond

// verify checks a batch of proofs and marks the signers of those that
// failed suspect; a panic (which nothing here should raise) counts as nothing
// learnt: the handler verifies in any case.
func (a *Async) verify(batch []asyncJob) {
	defer func() { _ = recover() }()
	jobs := make([]verifier.Item, len(batch))
	for i, j := range batch {
		jobs[i] = j.Item
	}
	verifyJobs(a.proofs, jobs, func(i int) { a.suspect.Add(batch[i].signer) })
}

// submit queues j, or reports false when the queue is full.
func (a *Async) submit(j asyncJob) bool {
	a.start.Do(func() {
		for range a.workers {
			a.wg.Add(1)
			go a.work()
		}
	})
	select {
	case a.jobs <- j:
		return true
	default:
		return false
	}
}

// Queued reports how many proofs wait for a background verifier, for the
// node's metrics.
func (a *Async) Queued() int { return len(a.jobs) }

// Close stops the workers once the queue is drained (for tests); nothing
// may be handed over afterwards.
func (a *Async) Close() {
	a.start.Do(func() {}) // no workers start after this
	close(a.jobs)
	a.wg.Wait()
}
