package types

import "time"

// HoldsEscrow reports whether a task in this status still holds its reward in
// the module account: OPEN, CLAIMED and REFUND_PENDING tasks do, terminal
// ones do not.
func (s TaskStatus) HoldsEscrow() bool {
	return s.HasDeadline() || s == TASK_STATUS_REFUND_PENDING
}

// HasDeadline reports whether a task in this status is still live and waits
// in the deadline queue: OPEN and CLAIMED tasks.
func (s TaskStatus) HasDeadline() bool {
	return s == TASK_STATUS_OPEN || s == TASK_STATUS_CLAIMED
}

// ClaimableAt reports whether an OPEN task may be claimed at now in a pool
// with this claim timeout: more than the claim timeout must be left before
// its deadline. A claim therefore always expires before the task's deadline,
// and its worker always has the pool's whole claim timeout to submit: no
// claim can be set up to lapse before the worker could act.
func (t Task) ClaimableAt(now time.Time, claimTimeout time.Duration) bool {
	return t.Deadline.Sub(now) > claimTimeout
}
