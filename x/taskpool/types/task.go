package types

// HoldsEscrow reports whether a task in this status still holds its reward in
// the module account: OPEN and CLAIMED tasks do, terminal ones do not.
func (s TaskStatus) HoldsEscrow() bool {
	return s == TASK_STATUS_OPEN || s == TASK_STATUS_CLAIMED
}
