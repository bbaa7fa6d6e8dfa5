package localnet

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Header is the part of a block header the fault tests compare.
type Header struct {
	Height int64
	// Hash is the block's hash; AppHash the state after the previous block.
	Hash, AppHash string
}

// Headers returns the headers of blocks from..to (inclusive) the node has,
// in ascending order, through /blockchain (20 per call).
func (n *Node) Headers(ctx context.Context, from, to int64) ([]Header, error) {
	var out []Header
	for lo := from; lo <= to; lo += 20 {
		hi := min(lo+19, to)
		var res struct {
			BlockMetas []struct {
				BlockID struct {
					Hash string `json:"hash"`
				} `json:"block_id"`
				Header struct {
					Height  string `json:"height"`
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block_metas"`
		}
		if err := n.rpc(ctx, "blockchain", &res, fmt.Sprintf("minHeight=%d", lo), fmt.Sprintf("maxHeight=%d", hi)); err != nil {
			return nil, err
		}
		for i := len(res.BlockMetas) - 1; i >= 0; i-- { // newest first
			m := res.BlockMetas[i]
			h, _ := strconv.ParseInt(m.Header.Height, 10, 64)
			out = append(out, Header{Height: h, Hash: m.BlockID.Hash, AppHash: m.Header.AppHash})
		}
	}
	return out, nil
}

// Signers returns the consensus addresses (hex) whose precommits are in the
// commit of block h.
func (n *Node) Signers(ctx context.Context, h int64) ([]string, error) {
	var res struct {
		SignedHeader struct {
			Commit struct {
				Signatures []struct {
					Flag    int    `json:"block_id_flag"`
					Address string `json:"validator_address"`
				} `json:"signatures"`
			} `json:"commit"`
		} `json:"signed_header"`
	}
	if err := n.rpc(ctx, "commit", &res, fmt.Sprintf("height=%d", h)); err != nil {
		return nil, err
	}
	var out []string
	for _, s := range res.SignedHeader.Commit.Signatures {
		if s.Flag == 2 { // BlockIDFlagCommit
			out = append(out, s.Address)
		}
	}
	return out, nil
}

// Event is an ABCI event with its attributes in order.
type Event struct {
	Type  string
	Attrs [][2]string
}

// Attr returns the value of an attribute ("" if absent).
func (e Event) Attr(key string) string {
	for _, a := range e.Attrs {
		if a[0] == key {
			return a[1]
		}
	}
	return ""
}

// BlockEvents returns every event of block h: those of FinalizeBlock
// (begin and end block) and those of each transaction (a failed one keeps
// only the events of what it did persist, such as fees).
func (n *Node) BlockEvents(ctx context.Context, h int64) ([]Event, error) {
	type rawEvent struct {
		Type  string `json:"type"`
		Attrs []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	}
	var res struct {
		Block []rawEvent `json:"finalize_block_events"`
		Txs   []struct {
			Events []rawEvent `json:"events"`
		} `json:"txs_results"`
	}
	if err := n.rpc(ctx, "block_results", &res, fmt.Sprintf("height=%d", h)); err != nil {
		return nil, err
	}
	raws := res.Block
	for _, tx := range res.Txs {
		raws = append(raws, tx.Events...)
	}
	out := make([]Event, 0, len(raws))
	for _, r := range raws {
		e := Event{Type: r.Type}
		for _, a := range r.Attrs {
			e.Attrs = append(e.Attrs, [2]string{a.Key, a.Value})
		}
		out = append(out, e)
	}
	return out, nil
}

// TxResult is a committed transaction's outcome.
type TxResult struct {
	Height int64
	Code   uint32
	Log    string
}

// Tx looks a transaction up by its hash (hex); found is false while it is
// not in a block (or the node does not index it yet).
func (n *Node) Tx(ctx context.Context, hash string) (res TxResult, found bool, err error) {
	var raw struct {
		Height string `json:"height"`
		Result struct {
			Code uint32 `json:"code"`
			Log  string `json:"log"`
		} `json:"tx_result"`
	}
	err = n.rpc(ctx, "tx", &raw, "hash=0x"+hash)
	if err != nil {
		if strings.Contains(err.Error(), "not found") {
			return res, false, nil
		}
		return res, false, err
	}
	h, _ := strconv.ParseInt(raw.Height, 10, 64)
	return TxResult{Height: h, Code: raw.Result.Code, Log: raw.Result.Log}, true, nil
}
