package worker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/verifier"
)

// A private task (README, "Private tasks") reaches the worker in two
// phases: the worker claims it with its X25519 public key, then the task's
// creator posts the input and its blinding r encrypted to that key
// (MsgPostInput). The worker opens the envelope, checks the input against
// the task's hiding commitment, proves under r and submits the sealed output;
// an input that does not open or does not match is rejected (MsgRejectInput,
// free: the task is OPEN again). While it waits for an input the worker
// serves other tasks; if none comes within the chain's private_input_window
// the claim lapses without penalty and the worker forgets it. The plaintext
// input, r and the plaintext output stay in memory: never logged, written or
// sent.

// QueryInputPosted matches the transaction event of an input posted to a
// private task's worker: a round looks at every task the worker holds.
const QueryInputPosted = "tm.event='Tx' AND hyra.taskpool.v1.EventInputPosted.task_id EXISTS"

// errRejectInput marks why a posted input is refused: the client's doing,
// which MsgRejectInput answers without penalty.
var errRejectInput = errors.New("posted input rejected")

// EncryptionKeyPath is where a worker account keeps its X25519 key: one file
// per account, so that workers sharing a keys directory never share a key.
func EncryptionKeyPath(keysDir, worker string) string {
	return filepath.Join(keysDir, "private", worker+".key")
}

// loadEncryptionKey reads the worker's X25519 key, creating it (mode 0600)
// on first start, unless the worker opted out of private tasks.
func (w *Worker) loadEncryptionKey() error {
	if !w.cfg.Private {
		return nil
	}
	k, err := private.LoadOrCreateKey(EncryptionKeyPath(w.cfg.KeysDir, w.addr.String()))
	if err != nil {
		return fmt.Errorf("encryption key for private tasks (or opt out with --private=false): %w", err)
	}
	w.encKey = k
	return nil
}

// claimKey is the public key a claim carries: with it the chain lets the
// worker claim private tasks; nil when the worker serves none.
func (w *Worker) claimKey() []byte {
	if w.encKey == nil {
		return nil
	}
	return w.encKey.PublicKey()
}

// awaitingInput reports whether a held task is private and still waits for
// its creator to post the input.
func awaitingInput(t tptypes.Task) bool {
	return t.Private && len(t.InputCiphertext) == 0
}

// splitAwaiting separates the held tasks that can be finished now from the
// private ones still waiting for their input.
func splitAwaiting(tasks []tptypes.Task) (ready, waiting []tptypes.Task) {
	for _, t := range tasks {
		if awaitingInput(t) {
			waiting = append(waiting, t)
		} else {
			ready = append(ready, t)
		}
	}
	return ready, waiting
}

// trackAwaiting remembers the private tasks waiting for their input (held
// lists every task the worker still holds): a task that waited and is no
// longer held was never given its input, and its claim lapsed without
// penalty; it is logged and forgotten.
func (w *Worker) trackAwaiting(waiting []tptypes.Task, held []uint64) {
	for id, expiry := range w.awaiting {
		if slices.ContainsFunc(waiting, func(t tptypes.Task) bool { return t.Id == id }) {
			continue
		}
		delete(w.awaiting, id)
		if !slices.Contains(held, id) {
			w.metrics.private.WithLabelValues(privateLapsed).Inc()
			w.log.Info("private task dropped: its input never came, the claim lapsed without penalty", "task", id,
				"claim_expiry", expiry.Format(time.RFC3339))
		}
	}
	for _, t := range waiting {
		w.noteAwaiting(t, 0)
	}
}

// noteAwaiting remembers a private task waiting for its input, and how long
// its claim took (0: not timed by this run), and logs it the first time.
func (w *Worker) noteAwaiting(t tptypes.Task, claimTook time.Duration) {
	if _, ok := w.awaiting[t.Id]; ok {
		return
	}
	w.awaiting[t.Id] = t.ClaimExpiry
	if claimTook > 0 {
		w.claimTimes[t.Id] = claimTook
	}
	w.log.Info("private task claimed; waiting for its creator to post the input", "task", t.Id,
		"input_by", t.ClaimExpiry.Format(time.RFC3339))
}

// openInput opens a private task's posted input with the worker's key and
// checks it against the task's hiding commitment. An error wrapping
// errRejectInput says why the input is refused; its text never holds the
// input or r.
func openInput(key *private.KeyPair, chainID, worker string, t tptypes.Task, a *artifact.Artifact) ([]int64, fr.Element, error) {
	info := private.Info{ChainID: chainID, TaskID: t.Id, Worker: worker, Purpose: private.PurposeInputToWorker}
	input, r, err := key.OpenInput(t.InputCiphertext, info)
	if err != nil {
		// The envelope's own errors can quote a malformed plaintext: not logged.
		return nil, r, fmt.Errorf("%w: it does not open with this worker's key for this task, chain and worker", errRejectInput)
	}
	if len(input) != a.Input.Length || slices.ContainsFunc(input, func(x int64) bool { return x < a.Input.Min || x > a.Input.Max }) {
		return nil, r, fmt.Errorf("%w: it does not fit the model's input schema (%d values in [%d, %d])",
			errRejectInput, a.Input.Length, a.Input.Min, a.Input.Max)
	}
	want, err := verifier.HidingInputOf(input, a.InputScheme(), r)
	if err != nil || !bytes.Equal(want, t.InputCommitment) {
		return nil, r, fmt.Errorf("%w: it does not match the task's input commitment", errRejectInput)
	}
	return input, r, nil
}

// provePrivate proves a held private task whose input was posted, or
// rejects the input (see prove for what a nil result means).
func (w *Worker) provePrivate(ctx context.Context, log *slog.Logger, t tptypes.Task, p *prover.Prover, claimTook time.Duration) (*proven, error) {
	if w.encKey == nil {
		return nil, w.release(ctx, log, t, errors.New("private tasks are off (--private=false): the posted input cannot be opened"))
	}
	input, r, err := openInput(w.encKey, w.chainID, w.addr.String(), t, p.Model())
	if err != nil {
		return nil, w.rejectInput(ctx, log, t, err)
	}
	start := time.Now()
	res, err := p.ProveBlinded(w.chainID, t.Id, w.addr, input, r)
	proveTook := time.Since(start)
	if err != nil {
		return nil, w.proofFailed(ctx, log, t, proveTook, err)
	}
	log.Info("proved", "prove", proveTook.Round(time.Millisecond), "private", true)
	w.metrics.proved(proveTook)
	w.health.done(stepProved)
	return &proven{
		task: t, log: log, claimTook: claimTook, proveTook: proveTook, private: true,
		msg: &tptypes.MsgSubmitResult{Worker: w.addr.String(), TaskId: t.Id, Output: res.Statement.Output, Proof: res.Proof},
	}, nil
}

// rejectInput refuses a private task's posted input (MsgRejectInput): the
// claim ends without penalty and the task is OPEN again, or refunded to its
// creator at the chain's max_input_rejections. If the chain refuses (the
// claim ran out meanwhile), the task is set aside; if the node cannot be
// reached, the error makes the next round try again.
func (w *Worker) rejectInput(ctx context.Context, log *slog.Logger, t tptypes.Task, reason error) error {
	var resp tptypes.MsgRejectInputResponse
	res, err := w.endClaim(ctx, log, t, &tptypes.MsgRejectInput{Worker: w.addr.String(), TaskId: t.Id}, &resp, "input rejection", reason)
	if res == nil || err != nil {
		return err
	}
	w.metrics.private.WithLabelValues(privateRejected).Inc()
	w.health.done(stepRejectedInput)
	log.Warn("rejected the posted input, without penalty: the task is open again (or refunded at the chain's cap)",
		"reason", reason, "rejections", resp.Rejections, "refunded", resp.Refunded, "tx", res.Hash)
	return nil
}
