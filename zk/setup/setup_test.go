package setup_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/verifier"
)

func TestRunWritesKeysAndWarns(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	keys, err := setup.Run([]byte(testmodel.JSON), dir, &log)
	require.NoError(t, err)
	require.Contains(t, log.String(), setup.TrustWarning)
	require.Contains(t, log.String(), "constraints")
	vk, err := os.ReadFile(filepath.Join(dir, setup.VerifyingKeyFile))
	require.NoError(t, err)
	require.Equal(t, keys.VerifyingKey, vk)
	require.NoError(t, verifier.CheckVerifyingKey(vk))
	pk, err := os.ReadFile(filepath.Join(dir, setup.ProvingKeyFile))
	require.NoError(t, err)
	require.Equal(t, keys.ProvingKey, pk)
}

func TestRunRejectsBadArtifact(t *testing.T) {
	_, err := setup.Run([]byte(`{}`), t.TempDir(), &bytes.Buffer{})
	require.ErrorIs(t, err, artifact.ErrInvalid)
}
