package e2e_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkRESTStatusFilters lists tasks by status over REST, the status given
// by name, by short name and by number.
func checkRESTStatusFilters(t *testing.T, c *appChain) {
	t.Helper()
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

// checkRESTDecodedInputs: tasks come back over REST with their input
// decoded next to the bytes, from every query that returns tasks.
func checkRESTDecodedInputs(t *testing.T, c *appChain) {
	t.Helper()
	type task struct {
		ID          string   `json:"id"`
		Input       string   `json:"input"`
		InputVector []string `json:"input_vector"`
	}
	want := strings.Split(irisInput, ",")
	var one struct {
		Task task `json:"task"`
	}
	require.Equal(t, http.StatusOK, c.getJSON("/hyra/taskpool/v1/tasks/1", &one))
	require.Equal(t, want, one.Task.InputVector)
	require.NotEmpty(t, one.Task.Input, "the bytes stay")

	var page struct {
		Tasks []task `json:"tasks"`
	}
	for _, path := range []string{
		"/hyra/taskpool/v1/tasks",
		"/hyra/taskpool/v1/creators/" + c.client + "/tasks",
		"/hyra/router/v1/available-tasks",
	} {
		page.Tasks = nil
		require.Equal(t, http.StatusOK, c.getJSON(path, &page), path)
		require.NotEmpty(t, page.Tasks, path)
		for _, got := range page.Tasks {
			require.Equal(t, want, got.InputVector, "%s: task %s", path, got.ID)
		}
	}
}
