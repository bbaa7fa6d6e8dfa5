package app

import (
	"net/url"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/utilities"
	"github.com/stretchr/testify/require"

	taskpooltypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// TestRESTEnumParametersTakeNames parses query parameters the way the REST
// gateway does for /hyra/taskpool/v1/tasks.
func TestRESTEnumParametersTakeNames(t *testing.T) {
	registerRESTEnums()
	registerRESTEnums() // the API server may be built twice in one process
	parse := func(status string) (taskpooltypes.TaskStatus, error) {
		var req taskpooltypes.QueryTasksRequest
		err := runtime.PopulateQueryParameters(&req, url.Values{"status": {status}}, &utilities.DoubleArray{})
		return req.Status, err
	}
	for _, s := range []string{"TASK_STATUS_COMPLETED", "completed", "COMPLETED", "3"} {
		got, err := parse(s)
		require.NoError(t, err, s)
		require.Equal(t, taskpooltypes.TASK_STATUS_COMPLETED, got, s)
	}
	got, err := parse("refund_pending")
	require.NoError(t, err)
	require.Equal(t, taskpooltypes.TASK_STATUS_REFUND_PENDING, got)
	for _, s := range []string{"done", "99", "task_status_completed"} {
		_, err := parse(s)
		require.ErrorContains(t, err, "is not a valid", s)
	}
}
