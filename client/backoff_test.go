package client

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBackoff(t *testing.T) {
	b := NewBackoff(500*time.Millisecond, 4*time.Second)
	var got []time.Duration
	for range 6 {
		got = append(got, b.Next())
	}
	require.Equal(t, []time.Duration{
		500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second, 4 * time.Second,
	}, got)
	require.Equal(t, 6, b.Failures())

	b.Reset()
	require.Zero(t, b.Failures())
	require.Equal(t, 500*time.Millisecond, b.Next(), "a success starts the sequence again")
}

func TestBackoffDoesNotOverflow(t *testing.T) {
	b := NewBackoff(time.Second, time.Minute)
	for range 200 {
		d := b.Next()
		require.Positive(t, d)
		require.LessOrEqual(t, d, time.Minute)
	}
}
