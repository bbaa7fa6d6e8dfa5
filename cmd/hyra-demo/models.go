package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hyra-network/hyra/zk/models"
)

// bundled are the models the demo registers, with their price.
var bundled = []struct {
	name, price, description, owner string
	artifact                        []byte
}{
	{"digits", "1000uhyra", "handwritten digit (8x8 pixels, 0..16) to its value", "owner", models.DigitsArtifact},
	{"iris", "1000uhyra", "iris species from four flower measurements", "owner", models.IrisArtifact},
	{"mnist-cnn", "1000uhyra", "handwritten digit (MNIST, 28x28 pixels, 0..255) to its value: a convolutional network trained in PyTorch", largeOwner, models.MNISTCNNArtifact},
}

// registered are the ids the chain gave the bundled models.
type registered struct{ digits, iris, mnist uint64 }

// registerModels registers each bundled model's artifact from its owner's account, without a
// key: version 1 is PENDING until its setup ceremony is finalized.
func registerModels(ctx context.Context, c *localChain) (registered, error) {
	var ids registered
	for i, m := range bundled {
		artifactPath := filepath.Join(c.home, m.name+".json")
		if err := os.WriteFile(artifactPath, m.artifact, 0o644); err != nil {
			return ids, err
		}
		step("registering model %s (price %s) from %s: artifact only, no key", m.name, m.price, m.owner)
		if err := c.tx(ctx, "modelregistry", "register-model", m.name, m.price,
			"--artifact", artifactPath, "--description", m.description, "--from", m.owner); err != nil {
			return ids, err
		}
		id := uint64(i + 1) // model ids are a sequence from 1 on a new chain
		var got struct {
			Model struct {
				Name string `json:"name"`
			} `json:"model"`
		}
		if err := c.rest(ctx, &got, fmt.Sprintf("/hyra/modelregistry/v1/models/%d", id)); err != nil {
			return ids, err
		}
		if got.Model.Name != m.name {
			return ids, fmt.Errorf("model %d is %q, expected %q", id, got.Model.Name, m.name)
		}
		switch m.name {
		case "digits":
			ids.digits = id
		case "iris":
			ids.iris = id
		default:
			ids.mnist = id
		}
	}
	return ids, nil
}
