package worker

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/setup"
)

// fakeModels answers ModelVersion from a fixed version and counts the calls.
type fakeModels struct {
	modeltypes.QueryClient
	version modeltypes.ModelVersion
	calls   int
}

func (f *fakeModels) ModelVersion(context.Context, *modeltypes.QueryModelVersionRequest, ...grpc.CallOption) (*modeltypes.QueryModelVersionResponse, error) {
	f.calls++
	return &modeltypes.QueryModelVersionResponse{ModelVersion: f.version}, nil
}

func version(artifact, vk []byte) modeltypes.ModelVersion {
	h := sha256.Sum256(artifact)
	return modeltypes.ModelVersion{ModelId: 1, Version: 1, Artifact: artifact, ArtifactHash: h[:], VerifyingKey: vk}
}

func putKey(t *testing.T, dir string, artifact, pk []byte) {
	t.Helper()
	h := sha256.Sum256(artifact)
	path := ProvingKeyPath(dir, h[:])
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, pk, 0o600))
}

func TestProversLoadAndProve(t *testing.T) {
	dir := t.TempDir()
	putKey(t, dir, models.IrisArtifact, models.IrisProvingKey)
	q := &fakeModels{version: version(models.IrisArtifact, models.IrisVerifyingKey)}
	p := newProvers(q, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))

	pr, err := p.get(context.Background(), 1, 1)
	require.NoError(t, err)
	samples, err := models.ParseSamples(models.IrisSamples)
	require.NoError(t, err)
	out, proof, err := pr.Prove("hyra-local-1", 7, make([]byte, 20), samples.Samples[0].Input)
	require.NoError(t, err)
	require.Equal(t, samples.Samples[0].Output, out)
	require.NotEmpty(t, proof)

	_, err = p.get(context.Background(), 1, 1)
	require.NoError(t, err)
	require.Equal(t, 1, q.calls, "a loaded version is cached")
}

func TestProversMissingKey(t *testing.T) {
	q := &fakeModels{version: version(models.IrisArtifact, models.IrisVerifyingKey)}
	p := newProvers(q, t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))

	_, err := p.get(context.Background(), 1, 1)
	require.ErrorIs(t, err, ErrNoProvingKey)
	_, err = p.get(context.Background(), 1, 1)
	require.ErrorIs(t, err, ErrNoProvingKey)
	require.Equal(t, 1, q.calls, "a missing key is not looked for again on every poll")
}

func TestProversRejectKeyOfAnotherCircuit(t *testing.T) {
	// The iris proving key filed under the digits artifact: same setup as the
	// registered (iris) verifying key, but not the digits circuit.
	dir := t.TempDir()
	putKey(t, dir, models.DigitsArtifact, models.IrisProvingKey)
	q := &fakeModels{version: version(models.DigitsArtifact, models.IrisVerifyingKey)}
	p := newProvers(q, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))

	_, err := p.get(context.Background(), 1, 1)
	require.ErrorIs(t, err, prover.ErrKeyMismatch)
}

func TestProversRejectKeyOfAnotherSetup(t *testing.T) {
	a, err := artifact.Parse(models.IrisArtifact)
	require.NoError(t, err)
	other, err := setup.Generate(a, io.Discard)
	require.NoError(t, err)
	dir := t.TempDir()
	putKey(t, dir, models.IrisArtifact, other.ProvingKey)
	q := &fakeModels{version: version(models.IrisArtifact, models.IrisVerifyingKey)}
	p := newProvers(q, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))

	_, err = p.get(context.Background(), 1, 1)
	require.ErrorIs(t, err, prover.ErrKeyMismatch, "a key from another setup than the registered one")
}

// setupless answers the Setup query with an error, as for a setup the chain
// does not know.
type setupless struct{ *fakeModels }

func (setupless) Setup(context.Context, *modeltypes.QuerySetupRequest, ...grpc.CallOption) (*modeltypes.QuerySetupResponse, error) {
	return nil, errors.New("no such setup")
}

// TestProversDeriveInBackground: a missing key of a finished multi-party
// setup is derived in the background, so that get returns at once (the
// worker goes on serving its other versions); a failed derivation is
// recorded and not started again before retryMissingAfter.
func TestProversDeriveInBackground(t *testing.T) {
	v := version(models.IrisArtifact, models.IrisVerifyingKey)
	v.SetupStatus = modeltypes.SETUP_STATUS_CEREMONY
	q := &fakeModels{version: v}
	keys := t.TempDir()
	p := newProvers(q, keys, slog.New(slog.NewTextHandler(io.Discard, nil)))
	p.derive = &keyDeriver{query: setupless{q}, root: t.TempDir(), phase1: []byte("not a phase-1 file"), keysDir: keys}

	_, err := p.get(context.Background(), 1, 1)
	require.ErrorIs(t, err, errDeriving)
	p.derivations.Wait()
	_, err = p.get(context.Background(), 1, 1)
	require.ErrorContains(t, err, "deriving the proving key from the setup transcript")
	require.NotErrorIs(t, err, errDeriving)
	p.mu.Lock()
	require.Empty(t, p.deriving)
	p.mu.Unlock()
}
