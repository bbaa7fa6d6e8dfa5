package localnet

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
)

// nodeID reads a CometBFT node_key.json and returns the node's p2p id: the
// hex of the first 20 bytes of the sha256 of its ed25519 public key. Computed
// here rather than with `hyrad comet show-node-id` to save a process per node.
func nodeID(nodeKeyFile string) (string, error) {
	b, err := os.ReadFile(nodeKeyFile)
	if err != nil {
		return "", err
	}
	var key struct {
		PrivKey struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"priv_key"`
	}
	if err := json.Unmarshal(b, &key); err != nil {
		return "", fmt.Errorf("%s: %w", nodeKeyFile, err)
	}
	priv, err := base64.StdEncoding.DecodeString(key.PrivKey.Value)
	if err != nil || len(priv) != ed25519.PrivateKeySize {
		return "", fmt.Errorf("%s: not an ed25519 node key (%s)", nodeKeyFile, key.PrivKey.Type)
	}
	pub := ed25519.PrivateKey(priv).Public().(ed25519.PublicKey)
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:20]), nil
}
