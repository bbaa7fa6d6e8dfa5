package worker

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hyra-network/hyra/zk/setup"
)

// The keys directory holds one subdirectory per model artifact, named by the
// artifact's sha256 in lower-case hex: exactly what
//
//	hyrad zk setup --artifact ARTIFACT --out KEYS_DIR/<sha256 of ARTIFACT>
//
// writes (proving.key and verifying.key). A model version is identified on
// chain by its artifact hash, so a worker finds the key of any task's model
// version without further configuration, and several versions of a model sit
// side by side.

// ProvingKeyPath is where the proving key for an artifact lives.
func ProvingKeyPath(keysDir string, artifactHash []byte) string {
	return filepath.Join(keysDir, hex.EncodeToString(artifactHash), setup.ProvingKeyFile)
}

// ErrNoProvingKey means the keys directory has no key for an artifact.
var ErrNoProvingKey = errors.New("no proving key")

// ReadProvingKey reads the proving key for an artifact, or explains where it
// should be and how to make it.
func ReadProvingKey(keysDir string, artifactHash []byte) ([]byte, error) {
	path := ProvingKeyPath(keysDir, artifactHash)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w at %s: the model owner's setup writes it "+
			"(hyrad zk setup --artifact ARTIFACT --out %s)", ErrNoProvingKey, path, filepath.Dir(path))
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}
