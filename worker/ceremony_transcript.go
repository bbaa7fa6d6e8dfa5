package worker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/hyra-network/hyra/zk/ceremony"
)

// A transcript's files are named by the chain's records: ceremony.InitialStateFile, then
// "%03d-<contributor address>.bin" for the contribution with that index. So a reader needs no
// listing it would have to trust: the chain says which files make the transcript, and the
// manifest.json next to them (zk/ceremony's index, kept up to date by the commands that write)
// is never needed to verify.

// maxTranscriptFile bounds what is read of one transcript file over HTTP (a state file of the
// largest domain zk/ceremony allows is far smaller than this).
const maxTranscriptFile = 1 << 30

// TranscriptSource is where a version's transcript files are read from: a directory, or an
// http:// or https:// URL under which the files are served by name (read-only: contributing
// writes, and needs a directory).
type TranscriptSource string

// IsURL reports whether the source is read over HTTP(S).
func (s TranscriptSource) IsURL() bool {
	return strings.HasPrefix(string(s), "http://") || strings.HasPrefix(string(s), "https://")
}

// ContributionFile is the file name of the contribution with index i (from 1) by contributor.
func ContributionFile(i uint32, contributor string) string {
	return fmt.Sprintf("%03d-%s.bin", i, contributor)
}

// errNoFile is a transcript file that is not there.
var errNoFile = errors.New("missing")

// Read returns one file of the transcript.
func (s TranscriptSource) Read(ctx context.Context, name string) ([]byte, error) {
	if !s.IsURL() {
		b, err := os.ReadFile(filepath.Join(string(s), name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", filepath.Join(string(s), name), errNoFile)
		}
		return b, err
	}
	u, err := url.JoinPath(string(s), name)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%s: %w (HTTP 404)", u, errNoFile)
	case res.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s: HTTP %s", u, res.Status)
	}
	b, err := io.ReadAll(io.LimitReader(res.Body, maxTranscriptFile+1))
	if err == nil && len(b) > maxTranscriptFile {
		err = fmt.Errorf("%s: larger than %d bytes", u, maxTranscriptFile)
	}
	return b, err
}

// TranscriptFor is where, under a ceremony root (a directory or a URL), the transcript of a
// model version lives: zk/ceremony's layout, ROOT/phase2/<model id>-v<version>.
func TranscriptFor(root string, modelID, version uint64) TranscriptSource {
	if s := TranscriptSource(root); s.IsURL() {
		u, err := url.JoinPath(root, "phase2", fmt.Sprintf("%d-v%d", modelID, version))
		if err != nil {
			return s
		}
		return TranscriptSource(u)
	}
	return TranscriptSource(ceremony.TranscriptDir(root, fmt.Sprint(modelID), version))
}
