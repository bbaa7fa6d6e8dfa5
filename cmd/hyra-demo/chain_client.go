package main

// The demo's calls to its chain: hyrad commands on the demo home, REST queries, transactions.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"time"
)

// cli runs a hyrad command on the demo home and returns its stdout. The limit covers the
// slowest one, a ceremony step of the MNIST CNN on a loaded machine.
func (c *localChain) cli(ctx context.Context, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.hyrad, append(args, "--home", c.home)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("hyrad %s: %w\n%s%s", strings.Join(args, " "), err, out, stderr.String())
	}
	return out, nil
}

// rest reads a query of the node's REST API into v: the demo reads hyra's modules there, as a
// web client would, so that its checks do not depend on the CLI's JSON rendering (which a
// broken proto registry in the client once emptied).
func (c *localChain) rest(ctx context.Context, v any, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.api+path, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %s", path, res.Status, body)
	}
	return json.Unmarshal(body, v)
}

// queryJSON runs `hyrad query ARGS --output json` into v.
func (c *localChain) queryJSON(ctx context.Context, v any, args ...string) error {
	out, err := c.cli(ctx, append(append([]string{"query"}, args...), "--output", "json")...)
	if err != nil {
		return err
	}
	return json.Unmarshal(out, v)
}

// tx broadcasts `hyrad tx ARGS` and waits until it is committed successfully.
func (c *localChain) tx(ctx context.Context, args ...string) error {
	args = append(append([]string{"tx"}, args...), "--yes", "--output", "json", "--gas", "auto", "--gas-adjustment", "1.5")
	out, err := c.cli(ctx, args...)
	if err != nil {
		return err
	}
	var res struct {
		TxHash string `json:"txhash"`
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		return fmt.Errorf("hyrad %s: %s", strings.Join(args, " "), out)
	}
	if res.Code != 0 {
		return fmt.Errorf("hyrad %s: code %d: %s", strings.Join(args, " "), res.Code, res.RawLog)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		var q struct {
			Code   uint32 `json:"code"`
			RawLog string `json:"raw_log"`
		}
		if err := c.queryJSON(ctx, &q, "tx", res.TxHash); err == nil {
			if q.Code != 0 {
				return fmt.Errorf("hyrad %s: failed in block: %s", strings.Join(args, " "), q.RawLog)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
	}
	return fmt.Errorf("tx %s not committed within 30s", res.TxHash)
}

func (c *localChain) height(ctx context.Context) (int64, error) {
	out, err := c.cli(ctx, "status", "--node", c.rpc)
	if err != nil {
		return 0, err
	}
	var st struct {
		SyncInfo struct {
			LatestBlockHeight int64 `json:"latest_block_height,string"`
		} `json:"sync_info"`
	}
	err = json.Unmarshal(out, &st)
	return st.SyncInfo.LatestBlockHeight, err
}

func (c *localChain) address(ctx context.Context, name string) (string, error) {
	out, err := c.cli(ctx, "keys", "show", name, "-a", "--keyring-backend", "test")
	return strings.TrimSpace(string(out)), err
}
