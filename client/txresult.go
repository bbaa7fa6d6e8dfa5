package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// TxResult is a committed transaction, with how long the node took to accept
// it (Broadcast: CheckTx) and to commit it (Commit).
type TxResult struct {
	Hash      string
	Height    int64
	Code      uint32
	Codespace string
	Log       string
	Data      []byte
	GasUsed   int64
	Events    []abci.Event
	Broadcast time.Duration
	Commit    time.Duration
}

func newTxResult(res *coretypes.ResultTx) *TxResult {
	return &TxResult{
		Hash:      res.Hash.String(),
		Height:    res.Height,
		Code:      res.TxResult.Code,
		Codespace: res.TxResult.Codespace,
		Log:       res.TxResult.Log,
		Data:      res.TxResult.Data,
		GasUsed:   res.TxResult.GasUsed,
		Events:    res.TxResult.Events,
	}
}

// MsgResponse decodes the response of the i-th message of the transaction
// into out (e.g. the task id a MsgRouteTask got).
func (r *TxResult) MsgResponse(i int, out proto.Message) error {
	var data sdk.TxMsgData
	if err := proto.Unmarshal(r.Data, &data); err != nil {
		return fmt.Errorf("decode tx %s data: %w", r.Hash, err)
	}
	if i >= len(data.MsgResponses) {
		return fmt.Errorf("tx %s has %d message responses, want index %d", r.Hash, len(data.MsgResponses), i)
	}
	return proto.Unmarshal(data.MsgResponses[i].Value, out)
}

// RejectedError is a transaction the chain refused, as opposed to a node that
// could not be reached: retrying it unchanged fails the same way.
type RejectedError struct {
	// Stage is where it was refused: simulation, check (CheckTx) or execution.
	Stage     string
	Codespace string
	Code      uint32
	Log       string
	Hash      string
}

func (e *RejectedError) Error() string {
	if e.Hash != "" {
		return fmt.Sprintf("rejected in %s (tx %s, %s code %d): %s", e.Stage, e.Hash, e.Codespace, e.Code, e.Log)
	}
	return fmt.Sprintf("rejected in %s: %s", e.Stage, e.Log)
}

// IsRejected reports whether err is a refusal by the chain.
func IsRejected(err error) bool {
	var rej *RejectedError
	return errors.As(err, &rej)
}

// EventIDs returns the values of a typed event's uint64 attribute in a
// websocket event, e.g. key "hyra.taskpool.v1.EventTaskCompleted.task_id".
// Typed events carry their attributes as JSON, so a uint64 arrives quoted.
func EventIDs(events map[string][]string, key string) []uint64 {
	var ids []uint64
	for _, raw := range events[key] {
		if id, ok := parseJSONUint(raw); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// parseJSONUint reads a uint64 written as a JSON string ("5") or number (5).
func parseJSONUint(raw string) (uint64, bool) {
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		s = raw
	}
	id, err := strconv.ParseUint(s, 10, 64)
	return id, err == nil
}
