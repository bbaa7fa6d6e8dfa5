package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/hyra-network/hyra/zk/models"
)

// bundled are the models the demo registers, with their price.
var bundled = []struct {
	name, price, description string
	artifact                 []byte
}{
	{"digits", "1000uhyra", "handwritten digit (8x8 pixels, 0..16) to its value", models.DigitsArtifact},
	{"iris", "1000uhyra", "iris species from four flower measurements", models.IrisArtifact},
}

// registered are the ids the chain gave the bundled models.
type registered struct{ digits, iris uint64 }

// setupModels makes sure each bundled model has Groth16 keys in the cache
// (keysDir/<artifact sha256>, the worker's layout; a setup runs only when
// they are missing), then registers it from the owner account.
func setupModels(ctx context.Context, c *localChain, keysDir string) (registered, error) {
	var ids registered
	for i, m := range bundled {
		sum := sha256.Sum256(m.artifact)
		dir := filepath.Join(keysDir, hex.EncodeToString(sum[:]))
		artifactPath := filepath.Join(c.home, m.name+".json")
		if err := os.WriteFile(artifactPath, m.artifact, 0o644); err != nil {
			return ids, err
		}
		if err := ensureKeys(ctx, c, m.name, artifactPath, dir); err != nil {
			return ids, err
		}
		step("registering model %s (price %s)", m.name, m.price)
		if err := c.tx(ctx, "modelregistry", "register-model", m.name, m.price,
			"--artifact", artifactPath, "--vk", filepath.Join(dir, "verifying.key"),
			"--description", m.description, "--from", "owner"); err != nil {
			return ids, err
		}
		id := uint64(i + 1) // model ids are a sequence from 1 on a new chain
		var got struct {
			Model struct {
				Name string `json:"name"`
			} `json:"model"`
		}
		if err := c.queryJSON(ctx, &got, "modelregistry", "model", fmt.Sprint(id)); err != nil {
			return ids, err
		}
		if got.Model.Name != m.name {
			return ids, fmt.Errorf("model %d is %q, expected %q", id, got.Model.Name, m.name)
		}
		if m.name == "digits" {
			ids.digits = id
		} else {
			ids.iris = id
		}
	}
	return ids, nil
}

// ensureKeys runs `hyrad zk setup` into dir unless both keys are there. The
// setup writes into a temporary directory renamed into place, so that an
// interrupted setup never leaves a half-written key in the cache.
func ensureKeys(ctx context.Context, c *localChain, name, artifactPath, dir string) error {
	pk, vk := filepath.Join(dir, "proving.key"), filepath.Join(dir, "verifying.key")
	if fileExists(pk) && fileExists(vk) {
		step("keys for %s cached in %s", name, dir)
		return nil
	}
	step("Groth16 setup for %s into %s", name, dir)
	start := time.Now()
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".setup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if _, err := c.cli(ctx, "zk", "setup", "--artifact", artifactPath, "--out", tmp); err != nil {
		return err
	}
	_ = os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	step("  setup done in %s", time.Since(start).Round(time.Millisecond))
	return nil
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
