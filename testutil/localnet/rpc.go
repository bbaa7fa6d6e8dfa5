package localnet

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The CometBFT RPC is read over plain HTTP JSON so that this package (and
// `go run` of the command) needs no CometBFT client.

var httpClient = &http.Client{Timeout: 5 * time.Second}

// rpc calls a CometBFT RPC method with query parameters and decodes its
// result into v.
func (n *Node) rpc(ctx context.Context, method string, v any, params ...string) error {
	url := n.RPCURL() + "/" + method
	if len(params) > 0 {
		url += "?" + strings.Join(params, "&")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("%s %s: %w", n.Name, method, err)
	}
	if env.Error != nil {
		return fmt.Errorf("%s %s: %s %s", n.Name, method, env.Error.Message, env.Error.Data)
	}
	return json.Unmarshal(env.Result, v)
}

// Status is what a node says of itself.
type Status struct {
	Height     int64
	AppHash    string // after the latest block, upper-case hex
	CatchingUp bool
	// ValidatorAddress is the node's consensus address (hex), as commit
	// signatures name it.
	ValidatorAddress string
}

// Status queries /status.
func (n *Node) Status(ctx context.Context) (Status, error) {
	var res struct {
		SyncInfo struct {
			Height     string `json:"latest_block_height"`
			AppHash    string `json:"latest_app_hash"`
			CatchingUp bool   `json:"catching_up"`
		} `json:"sync_info"`
		ValidatorInfo struct {
			Address string `json:"address"`
		} `json:"validator_info"`
	}
	if err := n.rpc(ctx, "status", &res); err != nil {
		return Status{}, err
	}
	h, _ := strconv.ParseInt(res.SyncInfo.Height, 10, 64)
	return Status{
		Height: h, AppHash: res.SyncInfo.AppHash, CatchingUp: res.SyncInfo.CatchingUp,
		ValidatorAddress: res.ValidatorInfo.Address,
	}, nil
}

// ABCIInfo queries /abci_info: the application's last committed height and
// its app hash (upper-case hex), straight from the app rather than from a
// block header.
func (n *Node) ABCIInfo(ctx context.Context) (int64, string, error) {
	var res struct {
		Response struct {
			Height  string `json:"last_block_height"`
			AppHash string `json:"last_block_app_hash"`
		} `json:"response"`
	}
	if err := n.rpc(ctx, "abci_info", &res); err != nil {
		return 0, "", err
	}
	h, _ := strconv.ParseInt(res.Response.Height, 10, 64)
	raw, err := base64.StdEncoding.DecodeString(res.Response.AppHash)
	if err != nil {
		return 0, "", err
	}
	return h, strings.ToUpper(hex.EncodeToString(raw)), nil
}

// WaitHeight waits until the node has committed block h, or ctx ends. A
// node this program started that exits meanwhile is an error at once.
func (n *Node) WaitHeight(ctx context.Context, h int64) error {
	exited := n.Exited()
	for {
		st, err := n.Status(ctx)
		if err == nil && st.Height >= h {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s did not reach height %d (last: %d, err %w): %w", n.Name, h, st.Height, err, ctx.Err())
		case <-exited:
			return fmt.Errorf("%s exited before height %d; see %s", n.Name, h, n.LogFile())
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// Validators returns the consensus addresses (hex) and voting powers of the
// validator set at the node's latest height.
func (n *Node) Validators(ctx context.Context) (map[string]int64, error) {
	var res struct {
		Validators []struct {
			Address string `json:"address"`
			Power   string `json:"voting_power"`
		} `json:"validators"`
	}
	if err := n.rpc(ctx, "validators", &res, "per_page=100"); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, v := range res.Validators {
		p, _ := strconv.ParseInt(v.Power, 10, 64)
		out[v.Address] = p
	}
	return out, nil
}

// UnconfirmedTxs is the number of transactions in the node's mempool.
func (n *Node) UnconfirmedTxs(ctx context.Context) (int, error) {
	var res struct {
		Total string `json:"total"`
	}
	if err := n.rpc(ctx, "num_unconfirmed_txs", &res); err != nil {
		return 0, err
	}
	return strconv.Atoi(res.Total)
}
