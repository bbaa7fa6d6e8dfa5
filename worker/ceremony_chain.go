package worker

import (
	"bytes"
	"context"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/verifier"
)

// SetupOnChain is what the chain says of a model version's multi-party key
// setup: the version (its artifact, status and, once finalized, the key the
// chain built), the setup (nil if it has not begun) and every recorded
// contribution in order.
type SetupOnChain struct {
	Version       modeltypes.ModelVersion
	Setup         *modeltypes.Setup
	Contributions []modeltypes.SetupContribution
}

// Finalized reports whether the chain sealed the setup (it has a beacon).
func (s *SetupOnChain) Finalized() bool { return s.Setup != nil && s.Setup.FinalizedHeight > 0 }

// Contributed reports whether addr has a recorded contribution.
func (s *SetupOnChain) Contributed(addr string) bool {
	for _, c := range s.Contributions {
		if c.Contributor == addr {
			return true
		}
	}
	return false
}

// FetchSetup reads a version and its setup from the chain, paging through
// all the contributions.
func FetchSetup(ctx context.Context, q modeltypes.QueryClient, modelID, version uint64) (*SetupOnChain, error) {
	v, err := q.ModelVersion(ctx, &modeltypes.QueryModelVersionRequest{Id: modelID, Version: version})
	if err != nil {
		return nil, fmt.Errorf("model %d version %d: %w", modelID, version, err)
	}
	out := &SetupOnChain{Version: v.ModelVersion}
	var key []byte
	for {
		res, err := q.Setup(ctx, &modeltypes.QuerySetupRequest{Id: modelID, Version: version, Pagination: &query.PageRequest{Key: key, Limit: 100}})
		if status.Code(err) == codes.NotFound {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("setup of model %d version %d: %w", modelID, version, err)
		}
		setup := res.Setup
		out.Setup = &setup
		out.Contributions = append(out.Contributions, res.Contributions...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}

// checkPhase1 refuses a phase-1 file other than the one the setup began on:
// its hash (when the chain recorded one) and its anchor must match.
func (s *SetupOnChain) checkPhase1(phase1 []byte) error {
	if h := ceremony.Phase1Hash(phase1); len(s.Setup.Phase1Hash) > 0 && !bytes.Equal(h, s.Setup.Phase1Hash) {
		return fmt.Errorf("the phase-1 file has sha256 %x, the setup began on phase 1 %x: use the network's phase-1 file", h, s.Setup.Phase1Hash)
	}
	a, err := ceremony.Anchor(phase1)
	if err != nil {
		return fmt.Errorf("phase-1 file: %w", err)
	}
	if !sameAnchor(a, s.Setup.Anchor) {
		return fmt.Errorf("the phase-1 file's anchor is not the one the setup began on (params.setup_anchor): use the network's phase-1 file")
	}
	return nil
}

func sameAnchor(a verifier.SetupAnchor, b modeltypes.SetupAnchor) bool {
	return bytes.Equal(a.Alpha1, b.Alpha1) && bytes.Equal(a.Beta1, b.Beta1) && bytes.Equal(a.Beta2, b.Beta2)
}

// records converts the chain's contributions to what zk/ceremony compares.
func (s *SetupOnChain) records() []verifier.SetupContribution {
	out := make([]verifier.SetupContribution, len(s.Contributions))
	for i, c := range s.Contributions {
		out[i] = verifier.SetupContribution{StateHash: c.StateHash, DeltaG1: c.DeltaG1, DeltaG2: c.DeltaG2, Proof: c.Proof}
	}
	return out
}
