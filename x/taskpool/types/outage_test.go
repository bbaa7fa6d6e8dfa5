package types_test

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/x/taskpool/types"
)

func TestOutageClockAdvance(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	const gap = 5 * time.Second
	tests := []struct {
		name       string
		clock      types.OutageClock
		now        time.Time
		wantCredit time.Duration
	}{
		{name: "success - first block counts no gap", clock: types.OutageClock{}, now: t0.Add(time.Hour), wantCredit: 0},
		{name: "success - a normal block adds nothing", clock: types.OutageClock{LastBlockTime: t0, Credit: time.Minute}, now: t0.Add(time.Second), wantCredit: time.Minute},
		{name: "success - a gap of exactly max_block_gap adds nothing", clock: types.OutageClock{LastBlockTime: t0}, now: t0.Add(gap), wantCredit: 0},
		{name: "success - a longer gap adds what is beyond max_block_gap", clock: types.OutageClock{LastBlockTime: t0, Credit: time.Minute}, now: t0.Add(gap + 20*time.Second), wantCredit: time.Minute + 20*time.Second},
		{name: "success - the same time adds nothing", clock: types.OutageClock{LastBlockTime: t0, Credit: time.Second}, now: t0, wantCredit: time.Second},
		{name: "success - an earlier time adds nothing", clock: types.OutageClock{LastBlockTime: t0}, now: t0.Add(-time.Hour), wantCredit: 0},
		{name: "success - the credit saturates", clock: types.OutageClock{LastBlockTime: t0, Credit: math.MaxInt64 - time.Second}, now: t0.Add(time.Hour), wantCredit: math.MaxInt64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.clock.Advance(tc.now, gap)
			require.Equal(t, tc.wantCredit, got.Credit)
			require.Equal(t, tc.now, got.LastBlockTime)
		})
	}
}

func TestOutageClockClaimExpiry(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	task := types.Task{ClaimExpiry: t0.Add(time.Minute), Deadline: t0.Add(time.Hour), ClaimOutageCredit: 10 * time.Second}
	tests := []struct {
		name   string
		credit time.Duration
		want   time.Time
	}{
		{name: "success - no outage since the claim", credit: 10 * time.Second, want: t0.Add(time.Minute)},
		{name: "success - the outage since the claim is added", credit: 10*time.Second + 5*time.Minute, want: t0.Add(6 * time.Minute)},
		{name: "success - capped at the deadline", credit: 10*time.Second + 59*time.Minute, want: t0.Add(time.Hour)},
		{name: "success - no overflow with a saturated credit", credit: math.MaxInt64, want: t0.Add(time.Hour)},
		{name: "success - a credit below the claim's never shortens it", credit: 0, want: t0.Add(time.Minute)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.OutageClock{Credit: tc.credit}.ClaimExpiry(task))
		})
	}
}
