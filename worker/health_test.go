package worker

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHealthz: /healthz is 503 until the daemon's first step, 200 with that
// step while the node answers, and 503 with the error (keeping the last
// step) when it stops answering.
func TestHealthz(t *testing.T) {
	var h health
	get := func() (int, healthReport) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		var r healthReport
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
		return rec.Code, r
	}
	code, r := get()
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, healthReport{}, r)

	h.done(stepSubmitted)
	code, r = get()
	require.Equal(t, http.StatusOK, code)
	require.True(t, r.Connected)
	require.Equal(t, stepSubmitted, r.LastStep)
	require.NotEmpty(t, r.LastStepAt)

	h.failed(errors.New("connection refused"))
	code, r = get()
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.False(t, r.Connected)
	require.Equal(t, stepSubmitted, r.LastStep)
	require.Equal(t, "connection refused", r.LastError)
}
