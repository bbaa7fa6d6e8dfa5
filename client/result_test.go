package client

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestArgmax(t *testing.T) {
	require.Equal(t, 2, Argmax([]int64{-5, 3, 9, 1}))
	require.Equal(t, 0, Argmax([]int64{-7, -9}))
	require.Equal(t, 1, Argmax([]int64{1, 4, 4}), "ties go to the first")
	require.Equal(t, -1, Argmax(nil))
}

func TestEventIDs(t *testing.T) {
	events := map[string][]string{
		AttrTaskCompletedID: {`"7"`, "8", `"x"`},
		"tm.event":          {"Tx"},
	}
	require.Equal(t, []uint64{7, 8}, EventIDs(events, AttrTaskCompletedID))
	require.Empty(t, EventIDs(events, AttrTaskSubmittedID))
}
