package openapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/api/openapi"
	"github.com/hyra-network/hyra/testutil/restroutes"
)

type document struct {
	Swagger string                               `json:"swagger"`
	Paths   map[string]map[string]map[string]any `json:"paths"`
}

// TestDocumentCoversEveryHyraQuery checks the committed document against the
// query services compiled into the binary: a query added to proto/ without
// `make proto-gen` fails here.
func TestDocumentCoversEveryHyraQuery(t *testing.T) {
	var doc document
	require.NoError(t, json.Unmarshal(openapi.Document(), &doc))
	require.Equal(t, "2.0", doc.Swagger)
	routes, err := restroutes.HyraQueries()
	require.NoError(t, err)
	require.Greater(t, len(routes), 20, "every hyra module's queries")
	for _, r := range routes {
		require.Contains(t, doc.Paths, r.Path, r.Method)
		require.Contains(t, doc.Paths[r.Path], "get", r.Method)
	}
	// The transaction paths a client signs and broadcasts with.
	for _, p := range []string{"/cosmos/tx/v1beta1/txs", "/cosmos/tx/v1beta1/simulate", "/cosmos/auth/v1beta1/accounts/{address}"} {
		require.Contains(t, doc.Paths, p)
	}
}

func TestRegisterServesTheUIAndDocumentOnlyWhenEnabled(t *testing.T) {
	off := mux.NewRouter()
	require.NoError(t, openapi.Register(off, false))
	rec := httptest.NewRecorder()
	off.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/swagger/", nil))
	require.Equal(t, http.StatusNotFound, rec.Code)

	on := mux.NewRouter()
	require.NoError(t, openapi.Register(on, true))
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		on.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	require.Equal(t, openapi.Document(), get("/swagger/openapi.json").Body.Bytes())
	require.Contains(t, get("/swagger/").Body.String(), `url: "./openapi.json"`)
	require.Equal(t, http.StatusOK, get("/swagger/swagger-ui-bundle.js").Code)
	require.Equal(t, http.StatusMovedPermanently, get("/swagger").Code)
	require.Equal(t, http.StatusNotFound, get("/swagger/swagger.yaml").Code, "not the SDK's document")
}
