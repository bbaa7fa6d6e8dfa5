package hyradtest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/models"
)

// IrisKeysDir lays the committed iris proving key out in a temporary directory as a worker's
// --keys-dir wants it (worker/keys.go): DIR/<artifact sha256 hex>/proving.key.
func IrisKeysDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	sum := sha256.Sum256(models.IrisArtifact)
	sub := filepath.Join(dir, hex.EncodeToString(sum[:]))
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(sub, "proving.key"), models.IrisProvingKey, 0o600))
	return dir
}
