package main

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
)

// Typed events of x/taskpool whose task ids the latency run follows.
const (
	eventTaskSubmitted = "hyra.taskpool.v1.EventTaskSubmitted"
)

// taskEvents returns the ids of the tasks submitted (routed) and completed
// in block h, from its transactions' events.
func (c *rpcClient) taskEvents(ctx context.Context, h int64) (submitted, completed []uint64, err error) {
	var res struct {
		Txs []struct {
			Code   uint32 `json:"code"`
			Events []struct {
				Type  string `json:"type"`
				Attrs []struct {
					Key   string `json:"key"`
					Value string `json:"value"`
				} `json:"attributes"`
			} `json:"events"`
		} `json:"txs_results"`
	}
	if err := c.call(ctx, "block_results", map[string]any{"height": strconv.FormatInt(h, 10)}, &res); err != nil {
		return nil, nil, err
	}
	for _, tx := range res.Txs {
		if tx.Code != 0 {
			continue
		}
		for _, e := range tx.Events {
			if e.Type != eventTaskSubmitted && e.Type != eventTaskCompleted {
				continue
			}
			for _, a := range e.Attrs {
				if a.Key != "task_id" {
					continue
				}
				id, ok := jsonUint(a.Value)
				if !ok {
					continue
				}
				if e.Type == eventTaskSubmitted {
					submitted = append(submitted, id)
				} else {
					completed = append(completed, id)
				}
			}
		}
	}
	return submitted, completed, nil
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
