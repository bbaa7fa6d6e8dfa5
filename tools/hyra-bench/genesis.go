package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Genesis balances (uhyra): a worker needs its bond (10 HYRA) and nothing
// else since fees are zero; the client pays every reward; the owner pays
// the model registration fee.
const (
	workerCoins = 20_000_000
	ownerCoins  = 1_000_000_000
	clientCoins = 1_000_000_000_000
	denom       = "uhyra"
)

// genesisAccounts are the bench's funded accounts: owner, client, the
// latency run's workers and n throughput workers.
func genesisAccounts(n, latencyWorkers int) []*account {
	accs := []*account{ownerAccount(), clientAccount()}
	for i := range latencyWorkers {
		accs = append(accs, latencyWorker(i))
	}
	for i := range n {
		accs = append(accs, throughputWorker(i))
	}
	return accs
}

func coinsOf(a *account) int64 {
	switch a.number {
	case ownerNumber:
		return ownerCoins
	case clientNumber:
		return clientCoins
	}
	return workerCoins
}

// patchAccounts returns a localnet genesis patch that adds accs to x/auth
// with their fixed account numbers and funds them in x/bank. The supply is
// emptied so that x/bank recomputes it from the balances at InitGenesis.
func patchAccounts(accs []*account) func(map[string]json.RawMessage) error {
	return func(state map[string]json.RawMessage) error {
		var auth map[string]json.RawMessage
		if err := json.Unmarshal(state["auth"], &auth); err != nil {
			return fmt.Errorf("auth genesis: %w", err)
		}
		var authAccs []json.RawMessage
		if err := json.Unmarshal(auth["accounts"], &authAccs); err != nil {
			return fmt.Errorf("auth accounts: %w", err)
		}
		var bank map[string]json.RawMessage
		if err := json.Unmarshal(state["bank"], &bank); err != nil {
			return fmt.Errorf("bank genesis: %w", err)
		}
		var balances []json.RawMessage
		if err := json.Unmarshal(bank["balances"], &balances); err != nil {
			return fmt.Errorf("bank balances: %w", err)
		}
		for _, a := range accs {
			addr := a.addr.String()
			authAccs = append(authAccs, json.RawMessage(fmt.Sprintf(
				`{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":%q,"pub_key":null,"account_number":"%d","sequence":"0"}`,
				addr, a.number)))
			balances = append(balances, json.RawMessage(fmt.Sprintf(
				`{"address":%q,"coins":[{"denom":%q,"amount":"%d"}]}`, addr, denom, coinsOf(a))))
		}
		var err error
		if auth["accounts"], err = json.Marshal(authAccs); err != nil {
			return err
		}
		if bank["balances"], err = json.Marshal(balances); err != nil {
			return err
		}
		bank["supply"] = json.RawMessage("[]")
		if state["auth"], err = json.Marshal(auth); err != nil {
			return err
		}
		state["bank"], err = json.Marshal(bank)
		return err
	}
}

// setConsensusParams sets block params ("max_bytes", "max_gas") in the
// genesis file of each home, the same bytes everywhere.
func setConsensusParams(homes []string, block map[string]string) error {
	if len(block) == 0 || len(homes) == 0 {
		return nil
	}
	path := filepath.Join(homes[0], "config", "genesis.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	params, ok := dig(doc, "consensus", "params", "block")
	if !ok {
		return fmt.Errorf("%s has no consensus.params.block", path)
	}
	for k, v := range block {
		if _, ok := params[k]; !ok {
			return fmt.Errorf("genesis consensus.params.block has no %q", k)
		}
		params[k] = strings.Trim(v, `"`)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	for _, h := range homes {
		if err := os.WriteFile(filepath.Join(h, "config", "genesis.json"), out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func dig(doc map[string]any, keys ...string) (map[string]any, bool) {
	cur := doc
	for _, k := range keys {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return nil, false
		}
		cur = next
	}
	return cur, true
}
