package worker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/hyra-network/hyra/client"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
)

// BeginSetup computes the start of a PENDING version's setup from its registered artifact and
// the network's phase 1, writes it as a new transcript in dir and submits MsgBeginSetup from
// the sender (the model's owner). If the chain refuses, the files it wrote are removed.
// ContributeFirst then adds the owner's own contribution on the start it just computed (no
// need to verify it again).
func BeginSetup(ctx context.Context, q modeltypes.QueryClient, s *client.Sender, dir string, phase1 []byte, modelID, version uint64) (*ceremony.Setup, *client.TxResult, error) {
	oc, err := FetchSetup(ctx, q, modelID, version)
	if err != nil {
		return nil, nil, err
	}
	if oc.Setup != nil {
		return nil, nil, fmt.Errorf("model %d version %d: a setup already began at height %d", modelID, version, oc.Setup.BegunHeight)
	}
	if st := oc.Version.SetupStatus; st != modeltypes.SETUP_STATUS_PENDING {
		return nil, nil, fmt.Errorf("model %d version %d has setup status %s: only a PENDING version's setup can begin", modelID, version, st)
	}
	params, err := q.Params(ctx, &modeltypes.QueryParamsRequest{})
	if err != nil {
		return nil, nil, err
	}
	oc.Setup = &modeltypes.Setup{Anchor: params.Params.SetupAnchor, Phase1Hash: params.Params.Phase1Hash}
	if !params.Params.SetupAnchor.IsSet() {
		return nil, nil, errors.New("the chain has no params.setup_anchor (the network's phase 1): governance must set it before any setup can begin")
	}
	if err := oc.checkPhase1(phase1); err != nil {
		return nil, nil, err
	}
	setup, err := ceremony.Begin(oc.Version.Artifact, phase1)
	if err != nil {
		return nil, nil, err
	}
	if err := ceremony.CreateTranscript(dir, fmt.Sprint(modelID), version, setup); err != nil {
		return nil, nil, err
	}
	res, err := s.Send(ctx, &modeltypes.MsgBeginSetup{
		Owner: s.Address().String(), ModelId: modelID, Version: version,
		InitialStateHash: setup.InitialStateHash, VkK: setup.VKK, Constraints: uint64(setup.Constraints), //nolint:gosec // G115: constraint and contribution counts are non-negative and far below the limit
	})
	if err != nil {
		_ = os.Remove(filepath.Join(dir, ceremony.ManifestFile))
		_ = os.Remove(filepath.Join(dir, ceremony.InitialStateFile))
		return nil, nil, err
	}
	return setup, res, nil
}

// ContributeFirst adds the sender's contribution on top of a start it computed itself (from
// BeginSetup). Others may have contributed between the begin and now (a validator's
// `ceremony serve` reacts to the begin at once); then it contributes on top of theirs, after
// verifying them as any contributor does.
func ContributeFirst(ctx context.Context, q modeltypes.QueryClient, s *client.Sender, dir string, phase1 []byte, setup *ceremony.Setup, modelID, version uint64) (*Contribution, error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	oc, err := FetchSetup(ctx, q, modelID, version)
	if err != nil {
		return nil, err
	}
	if oc.Setup == nil || !bytes.Equal(oc.Setup.InitialStateHash, setup.InitialStateHash) {
		return nil, fmt.Errorf("model %d version %d: the setup on chain is not the one just begun; use hyrad zk ceremony contribute", modelID, version)
	}
	if len(oc.Contributions) != 0 {
		return contributeLocked(ctx, q, s, dir, phase1, modelID, version)
	}
	return appendContribution(ctx, s, dir, oc, setup.State)
}

// Contribution is a contribution recorded on chain.
type Contribution struct {
	Index uint32
	File  string
	Tx    *client.TxResult
}

// ContributeSetup verifies the transcript in dir against the chain and the artifact (refusing
// one that does not match: a contribution to it would be wasted or, worse, go to another
// circuit), contributes a fresh secret on top of the last recorded state, writes the new state
// as the transcript's next file and submits MsgContributeSetup from the sender. The directory
// is locked meanwhile, so contributors sharing it take turns; if the chain refuses, the file is
// removed and the manifest restored.
func ContributeSetup(ctx context.Context, q modeltypes.QueryClient, s *client.Sender, dir string, phase1 []byte, modelID, version uint64) (*Contribution, error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	return contributeLocked(ctx, q, s, dir, phase1, modelID, version)
}

// contributeLocked is ContributeSetup with dir already locked by the caller.
func contributeLocked(ctx context.Context, q modeltypes.QueryClient, s *client.Sender, dir string, phase1 []byte, modelID, version uint64) (*Contribution, error) {
	oc, err := FetchSetup(ctx, q, modelID, version)
	if err != nil {
		return nil, err
	}
	me := s.Address().String()
	switch {
	case oc.Setup == nil:
		return nil, fmt.Errorf("model %d version %d: no setup has begun (its owner begins it: hyrad zk ceremony begin)", modelID, version)
	case oc.Finalized():
		return nil, fmt.Errorf("model %d version %d: the setup was finalized at height %d; it takes no more contributions", modelID, version, oc.Setup.FinalizedHeight)
	case oc.Contributed(me):
		return nil, fmt.Errorf("model %d version %d: %s already contributed", modelID, version, me)
	}
	checked, err := VerifySetup(ctx, TranscriptSource(dir), phase1, oc)
	if err != nil {
		return nil, fmt.Errorf("the transcript in %s does not match the chain and the artifact; not contributing: %w", dir, err)
	}
	t, err := ceremony.LoadTranscript(dir)
	if err != nil {
		return nil, err
	}
	if n := len(t.Manifest.Contributions); n != len(oc.Contributions) {
		return nil, fmt.Errorf("%s lists %d contributions, the chain records %d: a contribution was written but not recorded (remove its file and manifest entry) or the directory is stale", dir, n, len(oc.Contributions))
	}
	return appendContribution(ctx, s, dir, oc, checked.Last())
}

// appendContribution contributes on top of last (the state of oc's last recorded contribution,
// or the initial state), writes the new file and submits it, rolling the directory back if the
// chain refuses.
func appendContribution(ctx context.Context, s *client.Sender, dir string, oc *SetupOnChain, last []byte) (*Contribution, error) {
	manifest, err := os.ReadFile(filepath.Join(dir, ceremony.ManifestFile))
	if err != nil {
		return nil, err
	}
	next, rec, err := ceremony.Contribute(last)
	if err != nil {
		return nil, err
	}
	me := s.Address().String()
	index := uint32(len(oc.Contributions) + 1) //nolint:gosec // G115: constraint and contribution counts are non-negative and far below the limit
	file := ContributionFile(index, me)
	if err := ceremony.AddContribution(dir, me, next); err != nil {
		return nil, err
	}
	res, err := s.Send(ctx, &modeltypes.MsgContributeSetup{
		Contributor: me, ModelId: oc.Version.ModelId, Version: oc.Version.Version,
		StateHash: rec.StateHash, DeltaG1: rec.DeltaG1, DeltaG2: rec.DeltaG2, Proof: rec.Proof,
	})
	if err != nil {
		_ = os.Remove(filepath.Join(dir, file))
		_ = os.WriteFile(filepath.Join(dir, ceremony.ManifestFile), manifest, 0o644)
		return nil, err
	}
	return &Contribution{Index: index, File: file, Tx: res}, nil
}

// lockDir takes an exclusive lock on dir (a .lock file in it), waiting for another holder.
func lockDir(dir string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("transcript directory: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close() // the lock error is the one to report
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); _ = f.Close() }, nil
}
