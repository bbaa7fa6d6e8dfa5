package worker

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/hyra-network/hyra/client"
	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
)

// SetupServer contributes, once each, to the open setups of the chain's models from one
// account: `hyrad zk ceremony serve`, which a validator runs beside its node with its
// operator's account key so that it contributes to every new model's setup without a manual
// step. It does what the worker daemon's --contribute-setups does, for an account that serves
// no tasks: every contribution is preceded by ContributeSetup's full verification of the
// transcript against the chain and the artifact.
type SetupServer struct {
	Query  modeltypes.QueryClient
	Sender *client.Sender
	Root   string // ceremony root: transcripts in ROOT/phase2/<model>-v<version> (a directory)
	Phase1 []byte
	// Models limits the setups to these model ids (empty: every model).
	Models []uint64
	// MaxConstraints skips setups of larger circuits (0: no limit): what one contribution may
	// cost this machine.
	MaxConstraints uint64
	Interval       time.Duration
	Log            *slog.Logger

	done map[versionKey]bool // contributed, finalized or out of scope: never looked at again
}

// Run contributes until ctx ends, looking for open setups every Interval. A setup that fails
// (its transcript not yet there, a refusal) is logged and tried again on the next pass.
func (s *SetupServer) Run(ctx context.Context) error {
	for {
		if _, err := s.Pass(ctx); err != nil && ctx.Err() == nil {
			s.Log.Warn("looking for open setups", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(s.Interval):
		}
	}
}

// Pass contributes to every open setup in scope that this account has not contributed to, and
// returns how many contributions it recorded.
func (s *SetupServer) Pass(ctx context.Context) (int, error) {
	if s.done == nil {
		s.done = map[versionKey]bool{}
	}
	models, err := s.models(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range models {
		for v := uint64(1); v <= m.Latest(); v++ {
			k := versionKey{m.Id, v}
			if s.done[k] {
				continue
			}
			ok, err := s.contributeTo(ctx, k)
			if ctx.Err() != nil {
				return n, nil //nolint:nilerr // shutting down: the contribution is retried at the next start
			}
			if err != nil {
				s.Log.Warn("cannot contribute to setup yet", "model", k.model, "version", k.version, "err", err)
				continue
			}
			if ok {
				n++
			}
		}
	}
	return n, nil
}

// contributeTo contributes to one version's setup if it is open, in scope and not yet
// contributed to by this account.
func (s *SetupServer) contributeTo(ctx context.Context, k versionKey) (bool, error) {
	oc, err := FetchSetup(ctx, s.Query, k.model, k.version)
	if err != nil {
		return false, err
	}
	switch {
	case oc.Version.SetupStatus != modeltypes.SETUP_STATUS_PENDING, oc.Contributed(s.Sender.Address().String()):
		s.done[k] = true
		return false, nil
	case oc.Setup == nil:
		return false, nil // not begun: look again next pass
	case s.MaxConstraints > 0 && oc.Setup.Constraints > s.MaxConstraints:
		s.done[k] = true
		s.Log.Info("not contributing: circuit above --max-constraints", "model", k.model, "version", k.version, "constraints", oc.Setup.Constraints)
		return false, nil
	}
	dir := string(TranscriptFor(s.Root, k.model, k.version))
	if _, err := os.Stat(filepath.Join(dir, ceremony.ManifestFile)); errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("the setup began on chain but its transcript is not in %s", dir)
	}
	start := time.Now()
	c, err := ContributeSetup(ctx, s.Query, s.Sender, dir, s.Phase1, k.model, k.version)
	if err != nil {
		return false, err
	}
	s.done[k] = true
	s.Log.Info("contributed to setup", "model", k.model, "version", k.version, "index", c.Index, "file", c.File,
		"tx", c.Tx.Hash, "height", c.Tx.Height, "took", time.Since(start).Round(time.Millisecond))
	return true, nil
}

// models are the models in scope: Models, or every registered model.
func (s *SetupServer) models(ctx context.Context) ([]modeltypes.Model, error) {
	var out []modeltypes.Model
	if len(s.Models) > 0 {
		for _, id := range s.Models {
			res, err := s.Query.Model(ctx, &modeltypes.QueryModelRequest{Id: id})
			if err != nil {
				return nil, fmt.Errorf("model %d: %w", id, err)
			}
			out = append(out, res.Model)
		}
		return out, nil
	}
	var key []byte
	for {
		res, err := s.Query.Models(ctx, &modeltypes.QueryModelsRequest{Pagination: &query.PageRequest{Key: key}})
		if err != nil {
			return nil, fmt.Errorf("query models: %w", err)
		}
		out = append(out, res.Models...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}
