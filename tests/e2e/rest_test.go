package e2e_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkRESTStatusFilters lists tasks by status over REST, the status given
// by name, by short name and by number.
func checkRESTStatusFilters(t *testing.T, c *appChain) {
	type tasks struct {
		Tasks []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"tasks"`
	}
	for _, status := range []string{"completed", "COMPLETED", "TASK_STATUS_COMPLETED", "3"} {
		var res tasks
		require.Equal(t, http.StatusOK, c.getJSON("/hyra/taskpool/v1/tasks?status="+status, &res), status)
		require.Len(t, res.Tasks, 1, status)
		require.Equal(t, "1", res.Tasks[0].ID)
		require.Equal(t, "TASK_STATUS_COMPLETED", res.Tasks[0].Status)
	}
	var open tasks
	require.Equal(t, http.StatusOK, c.getJSON("/hyra/taskpool/v1/tasks?pool_id=1&status=open", &open))
	require.Empty(t, open.Tasks)

	status, body := c.get(t, "/hyra/taskpool/v1/tasks?status=done")
	require.Equal(t, http.StatusBadRequest, status)
	require.Contains(t, body, "done is not a valid")
}
