package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// rpcClient speaks CometBFT's JSON-RPC over HTTP. It is its own small client
// rather than CometBFT's because a batch of broadcasts must report each
// transaction's fate, and CometBFT's batch client fails the whole batch when
// one element is an error (a full mempool, say).
type rpcClient struct {
	url  string
	http *http.Client
}

func newRPCClient(url string) *rpcClient {
	tr := &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}
	return &rpcClient{url: url, http: &http.Client{Timeout: 60 * time.Second, Transport: tr}}
}

type rpcRequest struct {
	JSONRPC string         `json:"jsonrpc"`
	ID      int            `json:"id"`
	Method  string         `json:"method"`
	Params  map[string]any `json:"params"`
}

type rpcResponse struct {
	ID     int             `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
}

func (r rpcResponse) err() error {
	if r.Error == nil {
		return nil
	}
	return fmt.Errorf("%s %s", r.Error.Message, r.Error.Data)
}

// call runs one method and decodes its result into v.
func (c *rpcClient) call(ctx context.Context, method string, params map[string]any, v any) error {
	res, err := c.post(ctx, rpcRequest{JSONRPC: "2.0", ID: 1, Method: method, Params: params})
	if err != nil {
		return err
	}
	var r rpcResponse
	if err := json.Unmarshal(res, &r); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	if err := r.err(); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return json.Unmarshal(r.Result, v)
}

func (c *rpcClient) post(ctx context.Context, body any) ([]byte, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// broadcastOutcome is what the node said of one broadcast transaction.
type broadcastOutcome struct {
	OK bool
	// Retry means the node could not take it now (full mempool).
	Retry bool
	Log   string
}

// broadcastBatch sends txs as one JSON-RPC batch of broadcast_tx_sync calls
// (each answered after CheckTx) and returns each one's outcome in order.
func (c *rpcClient) broadcastBatch(ctx context.Context, txs [][]byte) ([]broadcastOutcome, error) {
	reqs := make([]rpcRequest, len(txs))
	for i, tx := range txs {
		reqs[i] = rpcRequest{
			JSONRPC: "2.0", ID: i, Method: "broadcast_tx_sync",
			Params: map[string]any{"tx": base64.StdEncoding.EncodeToString(tx)},
		}
	}
	body, err := c.post(ctx, reqs)
	if err != nil {
		return nil, err
	}
	// A batch of one is answered with a single object, not an array.
	var resps []rpcResponse
	if err := json.Unmarshal(body, &resps); err != nil {
		var one rpcResponse
		if err1 := json.Unmarshal(body, &one); err1 != nil {
			return nil, fmt.Errorf("broadcast batch: %w: %.200s", err, body)
		}
		resps = []rpcResponse{one}
	}
	out := make([]broadcastOutcome, len(txs))
	for i := range out {
		out[i] = broadcastOutcome{Retry: true, Log: "no answer"}
	}
	for _, r := range resps {
		if r.ID < 0 || r.ID >= len(out) {
			continue
		}
		if err := r.err(); err != nil {
			msg := err.Error()
			out[r.ID] = broadcastOutcome{
				Retry: strings.Contains(msg, "mempool is full"), Log: msg,
				OK: strings.Contains(msg, "tx already exists in cache"),
			}
			continue
		}
		var res struct {
			Code uint32 `json:"code"`
			Log  string `json:"log"`
		}
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return nil, err
		}
		out[r.ID] = broadcastOutcome{OK: res.Code == 0, Log: res.Log}
	}
	return out, nil
}

// height is the node's latest committed height.
func (c *rpcClient) height(ctx context.Context) (int64, error) {
	var st struct {
		SyncInfo struct {
			Height string `json:"latest_block_height"`
		} `json:"sync_info"`
	}
	if err := c.call(ctx, "status", map[string]any{}, &st); err != nil {
		return 0, err
	}
	return strconv.ParseInt(st.SyncInfo.Height, 10, 64)
}

// unconfirmed is the number of transactions in the node's mempool.
func (c *rpcClient) unconfirmed(ctx context.Context) (int, error) {
	var res struct {
		Total string `json:"total"`
	}
	if err := c.call(ctx, "num_unconfirmed_txs", map[string]any{}, &res); err != nil {
		return 0, err
	}
	return strconv.Atoi(res.Total)
}

// blockMeta is a block's height, header time and number of transactions.
type blockMeta struct {
	Height int64
	Time   time.Time
	NumTxs int
}

// blockMetas returns the metas of blocks from..to (ascending), 20 a call.
func (c *rpcClient) blockMetas(ctx context.Context, from, to int64) ([]blockMeta, error) {
	var out []blockMeta
	for lo := from; lo <= to; lo += 20 {
		hi := min(lo+19, to)
		var res struct {
			BlockMetas []struct {
				NumTxs string `json:"num_txs"`
				Header struct {
					Height string    `json:"height"`
					Time   time.Time `json:"time"`
				} `json:"header"`
			} `json:"block_metas"`
		}
		if err := c.call(ctx, "blockchain", map[string]any{"minHeight": strconv.FormatInt(lo, 10), "maxHeight": strconv.FormatInt(hi, 10)}, &res); err != nil {
			return nil, err
		}
		for i := len(res.BlockMetas) - 1; i >= 0; i-- {
			m := res.BlockMetas[i]
			h, _ := strconv.ParseInt(m.Header.Height, 10, 64)
			n, _ := strconv.Atoi(m.NumTxs)
			out = append(out, blockMeta{Height: h, Time: m.Header.Time, NumTxs: n})
		}
	}
	return out, nil
}
