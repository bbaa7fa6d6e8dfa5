package localnet

import (
	"encoding/json"
	"fmt"
	"os"
)

// patchGenesis rewrites the app state of a genesis file through patch.
func patchGenesis(path string, patch func(map[string]json.RawMessage) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var state map[string]json.RawMessage
	if err := json.Unmarshal(doc["app_state"], &state); err != nil {
		return fmt.Errorf("%s: app_state: %w", path, err)
	}
	if err := patch(state); err != nil {
		return err
	}
	if doc["app_state"], err = json.Marshal(state); err != nil {
		return err
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}

// SetParams returns a genesis patch that overrides some params of a module
// (keys as they appear in its genesis JSON, e.g. "min_task_ttl": "10s").
func SetParams(module string, params map[string]any) func(map[string]json.RawMessage) error {
	return func(state map[string]json.RawMessage) error {
		var gen map[string]json.RawMessage
		if err := json.Unmarshal(state[module], &gen); err != nil {
			return fmt.Errorf("genesis of %s: %w", module, err)
		}
		var p map[string]any
		if err := json.Unmarshal(gen["params"], &p); err != nil {
			return fmt.Errorf("params of %s: %w", module, err)
		}
		for k, v := range params {
			if _, ok := p[k]; !ok {
				return fmt.Errorf("%s has no param %q", module, k)
			}
			p[k] = v
		}
		var err error
		if gen["params"], err = json.Marshal(p); err != nil {
			return err
		}
		state[module], err = json.Marshal(gen)
		return err
	}
}

// SinglePartyKeys returns a genesis patch that sets x/modelregistry's
// allow_single_party_keys. Localnets accept single-party keys, as the demo
// and the tests register the bundled models with their committed keys; a
// network meant to be trusted sets it false and runs setup ceremonies.
func SinglePartyKeys(allow bool) func(map[string]json.RawMessage) error {
	return SetParams("modelregistry", map[string]any{"allow_single_party_keys": allow})
}

// PatchGenesisFile applies patch to the app state of the genesis file at
// path (a node home's config/genesis.json).
func PatchGenesisFile(path string, patch func(map[string]json.RawMessage) error) error {
	return patchGenesis(path, patch)
}
