package types

import (
	"math"
	"time"
)

// Advance returns the clock at a block with header time now: the time since
// the previous block beyond maxGap is added to the credit. A first block
// (no previous time) or a time that does not move forward adds nothing. The
// credit saturates instead of wrapping.
func (c OutageClock) Advance(now time.Time, maxGap time.Duration) OutageClock {
	if !c.LastBlockTime.IsZero() && now.After(c.LastBlockTime) {
		if gap := now.Sub(c.LastBlockTime); gap > maxGap {
			c.Credit = addSaturating(c.Credit, gap-maxGap)
		}
	}
	c.LastBlockTime = now.UTC()
	return c
}

// ClaimExpiry returns when the claim on t lapses on this clock: its stored
// claim expiry moved later by the outage credit accrued since that expiry
// was set, but never past the task's deadline, which is the client's and
// does not pause.
func (c OutageClock) ClaimExpiry(t Task) time.Time {
	accrued := c.Credit - t.ClaimOutageCredit
	if accrued <= 0 {
		return t.ClaimExpiry
	}
	if accrued >= t.Deadline.Sub(t.ClaimExpiry) {
		return t.Deadline
	}
	return t.ClaimExpiry.Add(accrued)
}

func addSaturating(a, b time.Duration) time.Duration {
	if b > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + b
}
