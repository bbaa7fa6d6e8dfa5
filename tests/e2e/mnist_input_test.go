package e2e_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// storedTask is a task as the REST API shows it, with its input.
type storedTask struct {
	Status        string `json:"status"`
	Proof         string `json:"proof"`
	Input         []byte `json:"input"`
	InputEncoding string `json:"input_encoding"`
}

// task fetches a task through the REST API.
func (n *node) task(id uint64) storedTask {
	n.t.Helper()
	var res struct {
		Task storedTask `json:"task"`
	}
	require.Equal(n.t, http.StatusOK, n.getJSON(fmt.Sprintf("/hyra/taskpool/v1/tasks/%d", id), &res))
	return res.Task
}

// waitCompleted waits until a task is COMPLETED: the chain verified its proof.
func (n *node) waitCompleted(id uint64, timeout time.Duration) storedTask {
	n.t.Helper()
	var t storedTask
	require.Eventually(n.t, func() bool {
		t = n.task(id)
		return t.Status == "TASK_STATUS_COMPLETED"
	}, timeout, time.Second, "task %d did not complete", id)
	return t
}

// routeAs routes a task for model 1 with `hyrad tx router route-task`, its
// input in the named --input-encoding, and returns the task id and what the
// transaction cost on chain: its size in bytes and the gas it used.
func (n *node) routeAs(values []int64, encoding string) (taskID uint64, size int, gas int64) {
	n.t.Helper()
	stdout, stderr, err := n.execSplit("tx", "router", "route-task", "1", csv(values), "1000uhyra",
		"--input-encoding", encoding, "--from", "client", "--yes", "--output", "json", "--gas", "auto", "--gas-adjustment", "1.5")
	require.NoError(n.t, err, "%s%s", stdout, stderr)
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
		Events []struct {
			Type       string `json:"type"`
			Attributes []struct{ Key, Value string }
		} `json:"events"`
	}
	require.NoError(n.t, json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res), stdout)
	require.Zero(n.t, res.Code, stdout)
	for _, ev := range res.Events {
		for _, a := range ev.Attributes {
			if ev.Type == "hyra.router.v1.EventTaskRouted" && a.Key == "task_id" {
				taskID, err = strconv.ParseUint(strings.Trim(a.Value, `"`), 10, 64)
				require.NoError(n.t, err)
			}
		}
	}
	require.NotZero(n.t, taskID, "no EventTaskRouted in %s", stdout)
	size, gas = n.committedTx(res.TxHash)
	return taskID, size, gas
}

// committedTx returns a committed transaction's size in bytes and the gas it
// used, from CometBFT's RPC, which holds it as it went into the block.
func (n *node) committedTx(hash string) (size int, gas int64) {
	n.t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/tx?hash=0x%s", n.rpcPort, hash))
	require.NoError(n.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	var tx struct {
		Result struct {
			Tx       []byte `json:"tx"`
			TxResult struct {
				GasUsed int64 `json:"gas_used,string"`
			} `json:"tx_result"`
		} `json:"result"`
	}
	require.NoError(n.t, json.Unmarshal(body, &tx), string(body))
	return len(tx.Result.Tx), tx.Result.TxResult.GasUsed
}

// checkCompactImage checks that `client infer --image` stored task 1's 784
// pixels as UINT8 (784 bytes, not 6,272), then routes the same pixels as a
// compact task and as an old-style INT64 one: both complete, and the log
// gives what each transaction cost.
func (n *node) checkCompactImage() {
	n.t.Helper()
	first := n.task(1)
	require.Equal(n.t, "VECTOR_ENCODING_UINT8", first.InputEncoding)
	require.Len(n.t, first.Input, 784)
	pixels := make([]int64, len(first.Input))
	for i, b := range first.Input {
		pixels[i] = int64(b)
	}

	compactID, compactSize, compactGas := n.routeAs(pixels, "compact")
	int64ID, int64Size, int64Gas := n.routeAs(pixels, "int64")
	n.t.Logf("MNIST task (784 pixels) through tx router route-task: UINT8 %d bytes, %d gas; INT64 %d bytes, %d gas",
		compactSize, compactGas, int64Size, int64Gas)
	require.Equal(n.t, "VECTOR_ENCODING_UINT8", n.waitCompleted(compactID, 100*time.Second).InputEncoding)
	old := n.waitCompleted(int64ID, 100*time.Second)
	require.Len(n.t, old.Input, 784*8)
	require.Contains(n.t, []string{"", "VECTOR_ENCODING_INT64"}, old.InputEncoding)
	require.Greater(n.t, int64Size-compactSize, 784*7-64, "the compact transaction is about 7 bytes a pixel smaller")
	require.Less(n.t, compactGas, int64Gas)
}
