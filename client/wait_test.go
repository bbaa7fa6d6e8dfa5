package client

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

func TestWaitErrorTellsWhereTheEscrowIs(t *testing.T) {
	task := &tptypes.Task{
		Id: 7, Status: tptypes.TASK_STATUS_OPEN, Reward: sdk.NewInt64Coin("uhyra", 1000),
		Deadline: time.Date(2026, 1, 1, 0, 10, 0, 0, time.UTC),
	}
	err := waitError(7, context.DeadlineExceeded, task, nil)
	require.ErrorContains(t, err, "task 7")
	require.ErrorContains(t, err, "TASK_STATUS_OPEN")
	require.ErrorContains(t, err, "1000uhyra stays in escrow")
	require.ErrorContains(t, err, "2026-01-01T00:10:00Z")
	require.ErrorContains(t, err, "hyrad tx taskpool cancel-task 7")

	task.Status = tptypes.TASK_STATUS_CLAIMED
	require.NotContains(t, waitError(7, context.DeadlineExceeded, task, nil).Error(), "cancel-task",
		"a claimed task cannot be cancelled")

	err = waitError(7, context.DeadlineExceeded, task, errors.New("connection refused"))
	require.ErrorContains(t, err, "last query error: connection refused")
}

func TestTaskEndedError(t *testing.T) {
	err := &TaskEndedError{Task: tptypes.Task{
		Id: 3, Status: tptypes.TASK_STATUS_EXPIRED, Reward: sdk.NewInt64Coin("uhyra", 1000), Creator: "hyra1c",
	}}
	require.EqualError(t, err, "task 3 ended TASK_STATUS_EXPIRED without a result; its reward of 1000uhyra was refunded to hyra1c")
}
