package worker

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// A transcript reads the same from a directory and from a URL serving it, a missing file is
// reported as missing either way, and a ceremony root maps a version to the same sub-path.
func TestTranscriptSourceDirAndURL(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "phase2", "7-v2")
	require.Equal(t, TranscriptSource(dir), TranscriptFor(root, 7, 2))
	require.NoError(t, os.MkdirAll(dir, 0o755))
	name := ContributionFile(1, "hyra1abc")
	require.Equal(t, "001-hyra1abc.bin", name)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("state"), 0o644))

	srv := httptest.NewServer(http.FileServer(http.Dir(root)))
	defer srv.Close()
	url := TranscriptFor(srv.URL+"/", 7, 2)
	require.True(t, url.IsURL())
	require.Equal(t, TranscriptSource(srv.URL+"/phase2/7-v2"), url)

	for _, src := range []TranscriptSource{TranscriptSource(dir), url} {
		b, err := src.Read(context.Background(), name)
		require.NoError(t, err, src)
		require.Equal(t, "state", string(b))
		_, err = src.Read(context.Background(), ContributionFile(2, "hyra1def"))
		require.ErrorIs(t, err, errNoFile, src)
	}
}
