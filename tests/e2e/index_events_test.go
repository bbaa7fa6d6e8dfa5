package e2e_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// TestDefaultIndexEvents runs a task to its verified result on a node with
// the app.toml `hyrad init` writes, then searches its transactions the way
// the dashboard (a task's steps by task_id over REST), the CLI (`hyrad q
// txs`, `hyrad q tx --type acc_seq`) and explorers (message.sender) do: each
// finds them. A bank transfer's attribute, not indexed by default, finds
// nothing over /tx_search though the transaction emitted it, and a websocket
// subscription on that same attribute still delivers: the index narrows only
// what a search finds.
func TestDefaultIndexEvents(t *testing.T) {
	n, ids := newIrisTaskChain(t, 1, 1)
	n.startDaemon("worker", "start", "--from", "worker", "--keys-dir", hyradtest.IrisKeysDir(t), "--poll-interval", "1s")
	n.requireAllPaid(ids)
	client := n.address("client")

	for _, ev := range []string{
		"hyra.taskpool.v1.EventTaskSubmitted", "hyra.taskpool.v1.EventTaskClaimed",
		"hyra.taskpool.v1.EventTaskCompleted", "hyra.rewards.v1.EventTaskSettled", "hyra.router.v1.EventTaskRouted",
	} {
		// dashboard/src/api.ts txsWithEvent: typed event attributes hold JSON.
		require.Len(t, n.searchTxs(fmt.Sprintf(`%s.task_id='"%d"'`, ev, ids[0])), 1, "%s by task_id", ev)
	}
	require.Len(t, n.searchTxs(fmt.Sprintf(`hyra.taskpool.v1.EventTaskCompleted.worker='"%s"'`, n.address("worker"))), 1)
	require.Len(t, n.searchTxs(`message.action='/hyra.taskpool.v1.MsgSubmitResult'`), 1)
	submitted := n.searchTxs(fmt.Sprintf("message.sender='%s'", client))
	require.NotEmpty(t, submitted)

	var cli struct {
		Txs []struct {
			TxHash string `json:"txhash"`
		} `json:"txs"`
	}
	n.queryJSON(&cli, "txs", "--query", fmt.Sprintf(`hyra.taskpool.v1.EventTaskSubmitted.task_id='"%d"'`, ids[0]))
	require.Len(t, cli.Txs, 1, "hyrad q txs")
	var bySeq struct {
		TxHash string `json:"txhash"`
	}
	n.queryJSON(&bySeq, "tx", "--type", "acc_seq", client+"/0")
	require.Equal(t, cli.Txs[0].TxHash, bySeq.TxHash, "hyrad q tx --type acc_seq finds the task's transaction")

	// The task's escrow left the client's account: the event is there...
	spent := fmt.Sprintf("coin_spent.spender='%s'", client)
	require.True(t, hasAttr(submitted[0], "coin_spent", "spender", client), "the submission emitted coin_spent")
	// ...and no search finds it.
	require.Empty(t, n.searchTxs(spent), "coin_spent is not indexed by default")

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ws, err := rpchttp.New(n.rpcAddr(), "/websocket")
	require.NoError(t, err)
	require.NoError(t, ws.Start())
	defer func() { _ = ws.Stop() }()
	events, err := ws.Subscribe(ctx, "e2e-index", "tm.event='Tx' AND "+spent, 1)
	require.NoError(t, err)
	_, err = n.infer("--model", "1", "--input", "1,2,3,4")
	require.NoError(t, err)
	select {
	case <-events:
	case <-ctx.Done():
		t.Fatal("a subscription on an attribute that is not indexed delivered nothing")
	}
}

// searchedTx is a transaction found over REST, with its events.
type searchedTx struct {
	TxHash string `json:"txhash"`
	Events []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// searchTxs finds transactions by an event query through the REST API, as
// the dashboard does.
func (n *node) searchTxs(query string) []searchedTx {
	n.t.Helper()
	var res struct {
		TxResponses []searchedTx `json:"tx_responses"`
	}
	require.Equal(n.t, 200, n.getJSON("/cosmos/tx/v1beta1/txs?limit=20&query="+url.QueryEscape(query), &res), query)
	return res.TxResponses
}

func hasAttr(tx searchedTx, typ, key, value string) bool {
	for _, ev := range tx.Events {
		for _, a := range ev.Attributes {
			if ev.Type == typ && a.Key == key && a.Value == value {
				return true
			}
		}
	}
	return false
}
