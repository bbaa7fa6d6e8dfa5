package client

import "time"

// Backoff spaces out retries against a node that is down or restarting. The
// wait doubles from Min up to Max, so a restarted node is found again within
// Max of coming back, and a node that stays down is not hammered.
type Backoff struct {
	Min, Max time.Duration
	failures int
}

// NewBackoff returns a backoff that starts at lo and never exceeds hi.
func NewBackoff(lo, hi time.Duration) *Backoff {
	return &Backoff{Min: lo, Max: hi}
}

// Next records one more failure and returns how long to wait before retrying.
func (b *Backoff) Next() time.Duration {
	d := b.Min
	for i := 0; i < b.failures && d < b.Max; i++ {
		d *= 2
	}
	b.failures++
	return min(d, b.Max)
}

// Failures is the number of failures since the last success.
func (b *Backoff) Failures() int { return b.failures }

// Reset records a success: the next failure waits Min again.
func (b *Backoff) Reset() { b.failures = 0 }
