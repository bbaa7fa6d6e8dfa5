package worker

import (
	"time"

	"github.com/hyra-network/hyra/client"
)

// refusals spaces out claims that the chain keeps refusing. A refusal can be
// a lost race (another worker claimed the task first), which the next round
// may win, or a state of the worker that the next round's checks repair (a
// bond a slash took below min_worker_bond is topped up before each claim);
// if neither, claiming again at every announced task only spends fees and
// fills the log. So after a round whose claims were all refused the worker
// waits, from a second doubling up to a minute, and says why; a claim that
// goes through resets the wait.
type refusals struct {
	backoff *client.Backoff
	// last is the reason of the last claim refused in the current round.
	last error
}

func newRefusals() *refusals {
	return &refusals{backoff: client.NewBackoff(time.Second, time.Minute)}
}

// startRound forgets the refusals of the previous round.
func (r *refusals) startRound() { r.last = nil }

// refused records a refused claim.
func (r *refusals) refused(reason error) { r.last = reason }

// claimed records a claim that went through: the next refusal waits the
// shortest time again.
func (r *refusals) claimed() { r.backoff.Reset() }

// wait is how long to wait after a round that claimed nothing, and the
// reason of its last refusal: zero if no claim was refused.
func (r *refusals) wait() (time.Duration, error) {
	if r.last == nil {
		return 0, nil
	}
	return r.backoff.Next(), r.last
}
