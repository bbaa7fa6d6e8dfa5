package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// Typed events of x/taskpool whose task ids the bench follows.
const (
	eventTaskSubmitted = "hyra.taskpool.v1.EventTaskSubmitted"
	eventTaskClaimed   = "hyra.taskpool.v1.EventTaskClaimed"
)

// blockTasks is what one block did to tasks: the ids of the tasks submitted
// (routed), claimed and completed by its successful transactions, and its
// transactions' outcomes.
type blockTasks struct {
	Submitted, Claimed, Completed []uint64
	Txs, Failed                   int
	FailLogs                      []string
	GasUsed                       int64
}

// taskEvents returns the ids of the tasks submitted (routed) and completed
// in block h, from its transactions' events.
func (c *rpcClient) taskEvents(ctx context.Context, h int64) (submitted, completed []uint64, err error) {
	b, err := c.blockTasks(ctx, h)
	return b.Submitted, b.Completed, err
}

// txResultJSON is a transaction's result as CometBFT's RPC renders it
// (block_results' txs_results, tx's tx_result).
type txResultJSON struct {
	Code    uint32 `json:"code"`
	Log     string `json:"log"`
	GasUsed string `json:"gas_used"`
	Events  []struct {
		Type  string `json:"type"`
		Attrs []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// blockTasks reads block h's transaction results.
func (c *rpcClient) blockTasks(ctx context.Context, h int64) (blockTasks, error) {
	var res struct {
		Txs []txResultJSON `json:"txs_results"`
	}
	if err := c.call(ctx, "block_results", map[string]any{"height": strconv.FormatInt(h, 10)}, &res); err != nil {
		return blockTasks{}, err
	}
	return tallyTasks(res.Txs), nil
}

// txTasks reads one committed transaction's result by its hash, from the
// node's transaction index (an error where the node indexes nothing).
func (c *rpcClient) txTasks(ctx context.Context, hash [32]byte) (blockTasks, error) {
	var res struct {
		TxResult txResultJSON `json:"tx_result"`
	}
	if err := c.call(ctx, "tx", map[string]any{"hash": base64.StdEncoding.EncodeToString(hash[:])}, &res); err != nil {
		return blockTasks{}, err
	}
	return tallyTasks([]txResultJSON{res.TxResult}), nil
}

// tallyTasks sums transaction results: their gas, failures, and the task
// ids of the successful ones' task events.
func tallyTasks(txs []txResultJSON) blockTasks {
	var out blockTasks
	ids := map[string]*[]uint64{eventTaskSubmitted: &out.Submitted, eventTaskClaimed: &out.Claimed, eventTaskCompleted: &out.Completed}
	for _, tx := range txs {
		out.Txs++
		gas, _ := strconv.ParseInt(tx.GasUsed, 10, 64)
		out.GasUsed += gas
		if tx.Code != 0 {
			out.Failed++
			if len(out.FailLogs) < 5 {
				out.FailLogs = append(out.FailLogs, tx.Log)
			}
			continue
		}
		for _, e := range tx.Events {
			list, ok := ids[e.Type]
			if !ok {
				continue
			}
			for _, a := range e.Attrs {
				if a.Key != "task_id" {
					continue
				}
				if id, ok := jsonUint(a.Value); ok {
					*list = append(*list, id)
				}
			}
		}
	}
	return out
}

// jsonUint reads a typed event's uint64 attribute, which is JSON: "5" or 5.
func jsonUint(raw string) (uint64, bool) {
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		s = strings.TrimSpace(raw)
	}
	v, err := strconv.ParseUint(s, 10, 64)
	return v, err == nil
}
