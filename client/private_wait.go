package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
)

// Events that move a private task along, as its client waits on them: a
// claim (post the input), a rejection or a lapsed claim (wait for the next
// claim), the result.
const (
	QueryTaskClaimed   = "tm.event='Tx' AND hyra.taskpool.v1.EventTaskClaimed.task_id EXISTS"
	QueryInputRejected = "tm.event='Tx' AND hyra.taskpool.v1.EventInputRejected.task_id EXISTS"

	AttrTaskClaimedID   = "hyra.taskpool.v1.EventTaskClaimed.task_id"
	AttrInputRejectedID = "hyra.taskpool.v1.EventInputRejected.task_id"
	AttrClaimExpiredID  = "hyra.taskpool.v1.EventClaimExpired.task_id"
)

// PrivateQueries are the event queries FollowPrivate wakes up on.
var PrivateQueries = []string{QueryTaskClaimed, QueryInputRejected, QueryClaimExpired, QueryTaskCompleted}

// What a client following its private task sees happen.
const (
	NoteClaimed  = "claimed"  // a worker claimed the task: its input is posted next
	NotePosted   = "posted"   // the input was posted, sealed to the claiming worker
	NoteRejected = "rejected" // the worker rejected the posted input (Rejections so far)
	NoteReopened = "reopened" // the claim ended without a result: the task is open again
	// NoteBadKey: the claim's key takes no envelope (not a usable X25519
	// key), so no input is posted; the claim lapses at the input window,
	// which the worker chose.
	NoteBadKey = "bad-key"
)

// PrivateNote is one step of a private task's progress.
type PrivateNote struct {
	Kind       string
	TaskID     uint64
	Worker     string
	Rejections uint32
}

// PrivateFollower posts a private task's input to each worker that claims
// it, once per claim: a claim that lapses, or whose worker rejects the
// input, reopens the task, and the next claim gets the input sealed to its
// own worker's key (the chain bounds rejections by max_input_rejections).
type PrivateFollower struct {
	ChainID string
	TaskID  uint64
	Secret  Secret

	claimWorker string // the claim seen last, while the task is CLAIMED
	claimKey    []byte
	badKey      bool // the claim's key takes no envelope
	landed      bool // the input reached this claim: seen on chain, or our post landed
	rejections  uint32
	started     bool // a resumed client does not report rejections older than itself
}

// Step reads the task as the chain holds it now and returns the input to
// post, if its claim awaits one, and what changed since the last Step.
func (f *PrivateFollower) Step(creator string, task tptypes.Task) (*tptypes.MsgPostInput, []PrivateNote, error) {
	var notes []PrivateNote
	note := func(kind, worker string) {
		notes = append(notes, PrivateNote{Kind: kind, TaskID: task.Id, Worker: worker, Rejections: task.InputRejections})
	}
	if !f.started {
		f.started, f.rejections = true, task.InputRejections
	}
	if task.InputRejections > f.rejections && f.landed {
		note(NoteRejected, f.claimWorker)
		f.claimWorker, f.claimKey, f.badKey, f.landed = "", nil, false, false
	} else if task.InputRejections > f.rejections && f.claimWorker != "" {
		// The chain counts a missed input window as a rejection.
		note(NoteReopened, f.claimWorker)
		f.claimWorker, f.claimKey, f.badKey, f.landed = "", nil, false, false
	} else if f.claimWorker != "" && (task.Status != tptypes.TASK_STATUS_CLAIMED || task.Worker != f.claimWorker || !bytes.Equal(task.WorkerKey, f.claimKey)) {
		if task.Status != tptypes.TASK_STATUS_COMPLETED {
			note(NoteReopened, f.claimWorker)
		}
		f.claimWorker, f.claimKey, f.badKey, f.landed = "", nil, false, false
	}
	f.rejections = task.InputRejections
	if task.Status != tptypes.TASK_STATUS_CLAIMED {
		return nil, notes, nil
	}
	if f.claimWorker == "" {
		f.claimWorker, f.claimKey = task.Worker, task.WorkerKey
		note(NoteClaimed, task.Worker)
	}
	if len(task.InputCiphertext) != 0 {
		f.landed = true
		return nil, notes, nil
	}
	if f.badKey {
		return nil, notes, nil
	}
	ct, err := f.Secret.ForWorker(f.ChainID, task)
	if errors.Is(err, private.ErrEnvelope) {
		f.badKey = true
		note(NoteBadKey, task.Worker)
		return nil, notes, nil
	}
	if err != nil {
		return nil, notes, fmt.Errorf("task %d: seal the input to worker %s: %w", task.Id, task.Worker, err)
	}
	return &tptypes.MsgPostInput{Creator: creator, TaskId: task.Id, Ciphertext: ct}, notes, nil
}

// FollowPrivate follows a private task until it is COMPLETED and returns it,
// posting its input to each claim (Step) and telling notify what happens. A
// task that ends otherwise (cancelled when its rejections reach the cap,
// expired) returns a *TaskEndedError. Events (an EventStream subscribed to
// PrivateQueries, may be nil) wake it at once; it polls every pollEvery
// anyway.
func FollowPrivate(ctx context.Context, s *Sender, events <-chan coretypes.ResultEvent, f *PrivateFollower, pollEvery time.Duration, notify func(PrivateNote)) (*tptypes.Task, error) {
	q := tptypes.NewQueryClient(s.ClientContext())
	creator := s.Address().String()
	ticker := time.NewTicker(pollEvery)
	defer ticker.Stop()
	var last *tptypes.Task
	var lastErr error
	for {
		res, err := q.Task(ctx, &tptypes.QueryTaskRequest{Id: f.TaskID})
		if err == nil {
			last, lastErr = &res.Task, nil
			post, notes, err := f.Step(creator, res.Task)
			for _, n := range notes {
				notify(n)
			}
			if err != nil {
				return nil, err
			}
			switch res.Task.Status {
			case tptypes.TASK_STATUS_COMPLETED:
				return &res.Task, nil
			case tptypes.TASK_STATUS_EXPIRED, tptypes.TASK_STATUS_CANCELLED, tptypes.TASK_STATUS_REFUND_PENDING:
				return nil, &TaskEndedError{Task: res.Task}
			}
			if post != nil {
				posted, err := postInput(ctx, s, q, post)
				if err != nil {
					return nil, err
				}
				if posted {
					f.landed = true
					notify(PrivateNote{Kind: NotePosted, TaskID: f.TaskID, Worker: res.Task.Worker})
				}
			}
		} else {
			lastErr = err
		}
		if err := waitSignal(ctx, events, ticker.C, f.TaskID, AttrTaskClaimedID, AttrInputRejectedID, AttrClaimExpiredID, AttrTaskCompletedID); err != nil {
			return nil, waitError(f.TaskID, err, last, lastErr)
		}
	}
}

// postInput sends post and reports whether it landed. A refusal is final
// only if the claim it was for still awaits its input: a claim that lapsed
// meanwhile is not an error (the next claim gets its own post), and a node
// that could not be reached is tried again at the next poll.
func postInput(ctx context.Context, s *Sender, q tptypes.QueryClient, post *tptypes.MsgPostInput) (bool, error) {
	_, err := s.Send(ctx, post)
	if err == nil || !IsRejected(err) {
		return err == nil, nil
	}
	res, qerr := q.Task(ctx, &tptypes.QueryTaskRequest{Id: post.TaskId})
	if qerr == nil && (res.Task.Status != tptypes.TASK_STATUS_CLAIMED || len(res.Task.InputCiphertext) != 0) {
		return false, nil
	}
	return false, fmt.Errorf("post the input of task %d: %w", post.TaskId, err)
}
