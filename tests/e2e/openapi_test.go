package e2e_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/restroutes"
)

// checkServedDocument reads the API document at /swagger/openapi.json and
// checks that every hyra query route of the proto services is in it and
// answers 200 on the chain, whose objects fill the path parameters.
func checkServedDocument(t *testing.T, c *appChain) {
	t.Helper()
	status, body := c.get(t, "/swagger/openapi.json")
	require.Equal(t, http.StatusOK, status, body)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))

	routes, err := restroutes.HyraQueries()
	require.NoError(t, err)
	params := strings.NewReplacer(
		"{id}", "1", "{version}", "1", "{model_id}", "1", "{task_id}", "1",
		"{owner}", c.owner, "{creator}", c.client, "{worker}", c.worker, "{address}", c.worker,
	)
	for _, r := range routes {
		require.Contains(t, doc.Paths[r.Path], "get", "%s (%s) is not in the served document", r.Path, r.Method)
		path := params.Replace(r.Path)
		require.NotContains(t, path, "{", "a path parameter the test does not fill: %s", r.Path)
		status, body := c.get(t, path)
		if strings.HasSuffix(r.Path, "/setup") {
			// Iris's key is single-party: the query server answers that the
			// version has no setup (a route the gateway lacks answers 501).
			require.Equal(t, http.StatusNotFound, status, body)
			require.Contains(t, body, "has no setup")
			continue
		}
		require.Equal(t, http.StatusOK, status, "GET %s (%s): %s", path, r.Method, body)
	}

	status, body = c.get(t, "/swagger/")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "swagger-ui")
}

// get fetches a path of the node's API server and returns its status and body.
func (n *node) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(n.apiURL() + path)
	require.NoError(t, err)
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}
