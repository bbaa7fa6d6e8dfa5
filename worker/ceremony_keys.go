package worker

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hyra-network/hyra/client"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/setup"
)

// FinalizeSetup finalizes a version's setup from the sender (the model's owner): it first
// checks that every recorded contribution's file is in the transcript with the recorded hash
// (so that nobody seals a key whose proving key cannot be derived), submits MsgFinalizeSetup
// (the chain seals with the block's hash and builds the verifying key), then derives the keys
// locally with the chain's beacon (DeriveKeys), which checks the verifying key is the chain's.
func FinalizeSetup(ctx context.Context, q modeltypes.QueryClient, s *client.Sender, src TranscriptSource, phase1 []byte, modelID, version uint64) (*Checked, *client.TxResult, error) {
	oc, err := FetchSetup(ctx, q, modelID, version)
	if err != nil {
		return nil, nil, err
	}
	if oc.Setup == nil {
		return nil, nil, fmt.Errorf("model %d version %d: no setup has begun", modelID, version)
	}
	if err := oc.checkPhase1(phase1); err != nil {
		return nil, nil, err
	}
	for _, rec := range oc.Contributions {
		name := ContributionFile(rec.Index, rec.Contributor)
		b, err := src.Read(ctx, name)
		if err == nil && !bytes.Equal(fileSum(b), rec.StateHash) {
			err = fmt.Errorf("sha256 %x, the chain recorded %x", fileSum(b), rec.StateHash)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("not finalizing: contribution %d by %s (%s): %w", rec.Index, rec.Contributor, name, err)
		}
	}
	res, err := s.Send(ctx, &modeltypes.MsgFinalizeSetup{Owner: s.Address().String(), ModelId: modelID, Version: version})
	if err != nil {
		return nil, nil, err
	}
	checked, _, err := DeriveKeys(ctx, q, src, phase1, modelID, version)
	if err != nil {
		return nil, res, fmt.Errorf("finalized in block %d, but deriving the keys failed: %w", res.Height, err)
	}
	return checked, res, nil
}

// DeriveKeys verifies a finalized setup against the chain (VerifySetup) and returns it with the
// proving key, sealed with the chain's beacon; the verifying key it yields is the chain's.
func DeriveKeys(ctx context.Context, q modeltypes.QueryClient, src TranscriptSource, phase1 []byte, modelID, version uint64) (*Checked, *SetupOnChain, error) {
	oc, err := FetchSetup(ctx, q, modelID, version)
	if err != nil {
		return nil, nil, err
	}
	if !oc.Finalized() {
		return nil, oc, fmt.Errorf("model %d version %d: its setup is not finalized (status %s)", modelID, version, oc.Version.SetupStatus)
	}
	checked, err := VerifySetup(ctx, src, phase1, oc)
	if err != nil {
		return nil, oc, err
	}
	if !bytes.Equal(checked.VerifyingKey, oc.Version.VerifyingKey) {
		return nil, oc, fmt.Errorf("%w: the transcript yields another key than the chain's", ceremony.ErrKeyMismatch)
	}
	return checked, oc, nil
}

// WriteKeys stores a derived key pair where the worker reads it,
// keysDir/<artifact sha256 hex>/{proving,verifying}.key, through a temporary directory renamed
// into place, so that a reader never sees half a key.
func WriteKeys(keysDir string, artifactHash, provingKey, verifyingKey []byte) (string, error) {
	dir := filepath.Join(keysDir, hex.EncodeToString(artifactHash))
	if err := os.MkdirAll(keysDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(keysDir, ".derive-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, setup.ProvingKeyFile), provingKey, 0o600); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, setup.VerifyingKeyFile), verifyingKey, 0o644); err != nil {
		return "", err
	}
	_ = os.RemoveAll(dir)
	return dir, os.Rename(tmp, dir)
}

func fileSum(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
