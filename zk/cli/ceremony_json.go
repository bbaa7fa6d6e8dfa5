package cli

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/verifier"
)

// RecordJSON is a phase-2 contribution as `hyrad zk ceremony contribute --output json` prints it
// and `verify --chain` reads it: the on-chain record, bytes in hex.
type RecordJSON struct {
	Index       int    `json:"index,omitempty"`
	Contributor string `json:"contributor,omitempty"`
	StateHash   string `json:"state_hash"`
	DeltaG1     string `json:"delta_g1"`
	DeltaG2     string `json:"delta_g2"`
	Proof       string `json:"proof"`
}

// ChainJSON is the `verify --chain FILE` document: what the chain recorded of a setup, bytes in
// hex; every field is optional.
type ChainJSON struct {
	InitialStateHash string       `json:"initial_state_hash,omitempty"`
	VKK              string       `json:"vk_k,omitempty"`
	Contributions    []RecordJSON `json:"contributions,omitempty"`
	Beacon           string       `json:"beacon,omitempty"`
	VerifyingKey     string       `json:"verifying_key,omitempty"`
}

func recordJSON(index int, contributor string, r verifier.SetupContribution) RecordJSON {
	return RecordJSON{
		Index: index, Contributor: contributor, StateHash: hex.EncodeToString(r.StateHash),
		DeltaG1: hex.EncodeToString(r.DeltaG1), DeltaG2: hex.EncodeToString(r.DeltaG2), Proof: hex.EncodeToString(r.Proof),
	}
}

// Records decodes the document.
func (c ChainJSON) Records() (*ceremony.ChainRecords, error) {
	var r ceremony.ChainRecords
	var err error
	dec := func(name, s string) []byte {
		if err != nil || s == "" {
			return nil
		}
		var b []byte
		if b, err = hex.DecodeString(s); err != nil {
			err = fmt.Errorf("%s: %w", name, err)
		}
		return b
	}
	r.InitialStateHash, r.VKK = dec("initial_state_hash", c.InitialStateHash), dec("vk_k", c.VKK)
	r.Beacon, r.VerifyingKey = dec("beacon", c.Beacon), dec("verifying_key", c.VerifyingKey)
	for i, rec := range c.Contributions {
		name := fmt.Sprintf("contributions[%d]", i)
		r.Contributions = append(r.Contributions, verifier.SetupContribution{
			StateHash: dec(name+".state_hash", rec.StateHash), DeltaG1: dec(name+".delta_g1", rec.DeltaG1),
			DeltaG2: dec(name+".delta_g2", rec.DeltaG2), Proof: dec(name+".proof", rec.Proof),
		})
	}
	return &r, err
}

func readChainJSON(path string) (*ceremony.ChainRecords, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c ChainJSON
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c.Records()
}

func printJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

func anchorJSON(a verifier.SetupAnchor) map[string]string {
	return map[string]string{"alpha1": hex.EncodeToString(a.Alpha1), "beta1": hex.EncodeToString(a.Beta1), "beta2": hex.EncodeToString(a.Beta2)}
}
