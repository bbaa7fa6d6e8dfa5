package dashboard_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client"

	"github.com/hyra-network/hyra/dashboard"
)

func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// The embedded build is served at /dashboard/; without an event bus the
// stream says so rather than hanging.
func TestServesEmbeddedAssets(t *testing.T) {
	r := mux.NewRouter()
	dashboard.Register(r, client.Context{})
	srv := httptest.NewServer(r)
	defer srv.Close()

	code, body := get(t, srv, "/dashboard/")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, `<script src="app.js">`)
	code, body = get(t, srv, "/dashboard/app.js")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, "/dashboard/events")
	code, _ = get(t, srv, "/dashboard")
	require.Equal(t, http.StatusOK, code, "redirected to /dashboard/")
	code, body = get(t, srv, "/dashboard/events")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "no event bus")
}

// A transaction reaches the browser with its hyra events only, attribute
// values decoded from the typed events' JSON; one without hyra events is not
// sent, while every block is (it carries the height).
func TestToMessage(t *testing.T) {
	tx := cmttypes.EventDataTx{TxResult: abci.TxResult{Height: 7, Tx: []byte("tx"), Result: abci.ExecTxResult{Events: []abci.Event{
		{Type: "message", Attributes: []abci.EventAttribute{{Key: "action", Value: "/hyra.router.v1.MsgRouteTask"}}},
		{Type: "hyra.taskpool.v1.EventTaskCompleted", Attributes: []abci.EventAttribute{
			{Key: "task_id", Value: `"5"`}, {Key: "reward", Value: `{"denom":"uhyra","amount":"1000"}`}, {Key: "msg_index", Value: "not json"},
		}},
	}}}}
	msg, ok := dashboard.ToMessage(tx)
	require.True(t, ok)
	out, err := json.Marshal(msg)
	require.NoError(t, err)
	require.JSONEq(t, `{"kind":"tx","height":7,"txhash":"1B5B9CCB3E8D006A5230DE9BDA23FF91EDC794D4F56410560830B418528E446C",
		"events":[{"type":"hyra.taskpool.v1.EventTaskCompleted","attributes":{"task_id":"5","reward":{"denom":"uhyra","amount":"1000"},"msg_index":"not json"}}]}`, string(out))

	_, ok = dashboard.ToMessage(cmttypes.EventDataTx{TxResult: abci.TxResult{Result: abci.ExecTxResult{Events: tx.Result.Events[:1]}}})
	require.False(t, ok, "no hyra event: nothing to send")
	msg, ok = dashboard.ToMessage(cmttypes.EventDataNewBlockEvents{Height: 9})
	require.True(t, ok)
	require.Equal(t, dashboard.Message{Kind: "block", Height: 9, Events: []dashboard.Event{}}, msg)
}
