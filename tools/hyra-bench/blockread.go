package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// The cheap reads of what a load committed. /block_results (every event of
// every transaction, rendered as JSON) costs the node far more per result
// than a block's transaction bytes or a counter of the state, so the bench
// reads it only where these two disagree, and for one block of a load's
// gas (taskevents.go).

// blockTxHashes are the sha256 hashes of block h's transactions, in order,
// from /block (the bench knows which transaction it sent by its hash).
func (c *rpcClient) blockTxHashes(ctx context.Context, h int64) ([][32]byte, error) {
	var res struct {
		Block struct {
			Data struct {
				Txs []string `json:"txs"`
			} `json:"data"`
		} `json:"block"`
	}
	if err := c.call(ctx, "block", map[string]any{"height": strconv.FormatInt(h, 10)}, &res); err != nil {
		return nil, err
	}
	out := make([][32]byte, len(res.Block.Data.Txs))
	for i, t := range res.Block.Data.Txs {
		bz, err := base64.StdEncoding.DecodeString(t)
		if err != nil {
			return nil, fmt.Errorf("block %d, tx %d: %w", h, i, err)
		}
		out[i] = sha256.Sum256(bz)
	}
	return out, nil
}

// poolCounts are the bench pool's task counters in the latest committed
// state: a claim adds one to Claimed, a verified result moves one from
// Claimed to Completed, and a transaction that fails in a block changes
// neither.
type poolCounts struct {
	Claimed, Completed uint64
}

// poolCounts queries the bench pool's counters (x/taskpool Query/Pool) at
// the latest height.
func (c *rpcClient) poolCounts(ctx context.Context) (poolCounts, error) {
	req, err := (&tptypes.QueryPoolRequest{Id: poolID}).Marshal()
	if err != nil {
		return poolCounts{}, err
	}
	var res struct {
		Response struct {
			Code  uint32 `json:"code"`
			Log   string `json:"log"`
			Value []byte `json:"value"`
		} `json:"response"`
	}
	params := map[string]any{"path": "/hyra.taskpool.v1.Query/Pool", "data": hex.EncodeToString(req)}
	if err := c.call(ctx, "abci_query", params, &res); err != nil {
		return poolCounts{}, err
	}
	if res.Response.Code != 0 {
		return poolCounts{}, fmt.Errorf("pool %d: query code %d: %s", poolID, res.Response.Code, res.Response.Log)
	}
	var pool tptypes.QueryPoolResponse
	if err := pool.Unmarshal(res.Response.Value); err != nil {
		return poolCounts{}, fmt.Errorf("pool %d: %w", poolID, err)
	}
	return poolCounts{Claimed: pool.Pool.ClaimedTasks, Completed: pool.Pool.CompletedTasks}, nil
}
