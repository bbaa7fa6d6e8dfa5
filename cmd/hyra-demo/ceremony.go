package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hyra-network/hyra/testutil/localnet"
	"github.com/hyra-network/hyra/zk/ceremony"
)

// demoPhase1Domain is the demo phase 1's size: the MNIST CNN circuit's domain (122,694
// constraints), which covers the digits' and iris's (each setup truncates it to its circuit's).
// zk/ceremony keeps it, and its Lagrange form, in the ceremony cache after the first run.
const demoPhase1Domain = 1 << 17

// writeDemoPhase1 writes the INSECURE test phase 1 (zk/ceremony.InsecureTestPhase1, whose
// secrets are public) to the demo's home and sets the genesis params a network sets from its
// real phase 1: setup_anchor and phase1_hash, with single-party keys refused.
func writeDemoPhase1(home string) (string, error) {
	phase1, err := ceremony.InsecureTestPhase1(demoPhase1Domain)
	if err != nil {
		return "", err
	}
	anchor, err := ceremony.Anchor(phase1)
	if err != nil {
		return "", err
	}
	path := filepath.Join(home, "ceremony", "phase1.bin")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(path, phase1, 0o644); err != nil {
		return "", err
	}
	b64 := base64.StdEncoding.EncodeToString
	patch := localnet.SetParams("modelregistry", map[string]any{
		"allow_single_party_keys": false,
		"phase1_hash":             b64(ceremony.Phase1Hash(phase1)),
		"setup_anchor":            map[string]string{"alpha1": b64(anchor.Alpha1), "beta1": b64(anchor.Beta1), "beta2": b64(anchor.Beta2)},
	})
	return path, localnet.PatchGenesisFile(filepath.Join(home, "config", "genesis.json"), patch)
}

// setupWait bounds each wait for the worker's part of a setup (the CNN's contribution and key
// derivation take about half a minute each on two idle cores, minutes on a loaded machine).
const setupWait = 15 * time.Minute

// transcript is the shared directory of a model version's setup transcript.
func (c *localChain) transcript(model uint64) string {
	return filepath.Join(c.ceremonyRoot(), "phase2", fmt.Sprintf("%d-v1", model))
}

func (c *localChain) ceremonyRoot() string { return filepath.Join(c.home, "ceremony") }

// startServe starts the validator's `hyrad zk ceremony serve`: it contributes to every setup
// as soon as it begins (no step per model).
func startServe(c *localChain) error {
	step("the validator runs hyrad zk ceremony serve beside its node: it verifies and contributes to every setup that begins")
	var err error
	c.serve, err = c.spawn("validator-serve", "zk", "ceremony", "serve", "--from", "validator", "--phase1", c.phase1,
		"--ceremony-root", c.ceremonyRoot(), "--poll-interval", "1s")
	return err
}

// beginSetup has the owner begin a model's setup (its start computed from the registered
// artifact) and contribute first.
func beginSetup(ctx context.Context, w io.Writer, c *localChain, id uint64, owner string) error {
	stepTo(w, "ceremony of model %d: its owner (%s) begins it (start computed from the registered artifact) and contributes", id, owner)
	return c.ceremony(ctx, w, "begin", id, owner, "--contribute")
}

// finishSetup waits for the validator's and the worker's contributions to a setup, has the
// owner finalize it (deriving the keys and checking the chain's key), and waits until the
// worker serves the model (it derived its proving key from the transcript).
func finishSetup(ctx context.Context, w io.Writer, c *localChain, id uint64, owner string) error {
	stepTo(w, "ceremony of model %d: waiting for the validator's and the worker's contributions", id)
	if err := c.waitContributions(ctx, id, 3); err != nil {
		return err
	}
	stepTo(w, "ceremony of model %d: its owner finalizes (the chain seals it with the block hash and builds the key)", id)
	if err := c.ceremony(ctx, w, "finalize", id, owner, "--keys-dir", filepath.Join(c.home, owner+"-keys")); err != nil {
		return err
	}
	return c.waitServing(ctx, w, id)
}

// verifySetup runs the check anyone can run on a finished setup.
func verifySetup(ctx context.Context, c *localChain, id uint64) error {
	step("anyone can check a setup: hyrad zk ceremony verify (model %d; the worker did the same for every model before serving it)", id)
	out, err := c.cli(ctx, "zk", "ceremony", "verify", "--model", fmt.Sprint(id), "--phase1", c.phase1, "--transcript", c.transcript(id))
	if err != nil {
		return err
	}
	fmt.Print(indent(string(out)))
	return nil
}

// ceremony runs `hyrad zk ceremony VERB` for a model's version 1 from an account, writing its
// output to w.
func (c *localChain) ceremony(ctx context.Context, w io.Writer, verb string, model uint64, from string, extra ...string) error {
	args := append([]string{
		"zk", "ceremony", verb, "--model", fmt.Sprint(model), "--phase1", c.phase1,
		"--transcript", c.transcript(model), "--from", from,
	}, extra...)
	out, err := c.cli(ctx, args...)
	if err != nil {
		return err
	}
	fmt.Fprint(w, indent(string(out)))
	return nil
}

// waitContributions waits until a model's setup has n contributions on chain.
func (c *localChain) waitContributions(ctx context.Context, model uint64, n int) error {
	deadline := time.Now().Add(setupWait)
	for time.Now().Before(deadline) {
		var res struct {
			Contributions []json.RawMessage `json:"contributions"`
		}
		if err := c.rest(ctx, &res, fmt.Sprintf("/hyra/modelregistry/v1/models/%d/versions/1/setup", model)); err == nil && len(res.Contributions) >= n {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.worker.done:
			return fmt.Errorf("the worker exited:\n%s", c.worker.tail())
		case <-c.serve.done:
			return fmt.Errorf("the validator's ceremony serve exited:\n%s", c.serve.tail())
		case <-time.After(time.Second):
		}
	}
	return fmt.Errorf("model %d's setup has fewer than %d contributions after %s; worker log:\n%s\nvalidator's serve log:\n%s",
		model, n, setupWait, c.worker.tail(), c.serve.tail())
}

// waitServing waits until the worker logs that it serves a model (it derived the proving key
// from the transcript).
func (c *localChain) waitServing(ctx context.Context, w io.Writer, model uint64) error {
	want := fmt.Sprintf("msg=\"model ready\" model=%d ", model)
	deadline := time.Now().Add(setupWait)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(c.worker.logPath); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if strings.Contains(line, want) {
					fmt.Fprintf(w, "    worker: %s\n", line[strings.Index(line, "msg="):])
					return nil
				}
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.worker.done:
			return fmt.Errorf("the worker exited:\n%s", c.worker.tail())
		case <-time.After(500 * time.Millisecond):
		}
	}
	return fmt.Errorf("the worker did not derive model %d's key within %s:\n%s", model, setupWait, c.worker.tail())
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ") + "\n"
}
