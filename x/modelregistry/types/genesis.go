package types

import (
	"bytes"
	"crypto/sha256"
	"fmt"
)

// DefaultGenesis returns the genesis state of a new chain: no models.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextModelId: 1}
}

// Validate checks that the genesis state is consistent: unique ids below
// next_model_id, every version of every model present, hashes that match.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextModelId == 0 {
		return fmt.Errorf("next_model_id must be positive")
	}
	current := make(map[uint64]uint64, len(gs.Models))
	for _, m := range gs.Models {
		if m.Id == 0 || m.Id >= gs.NextModelId {
			return fmt.Errorf("model id %d out of range [1, %d)", m.Id, gs.NextModelId)
		}
		if _, dup := current[m.Id]; dup {
			return fmt.Errorf("duplicate model id %d", m.Id)
		}
		if m.Version == 0 {
			return fmt.Errorf("model %d has version 0", m.Id)
		}
		if m.LatestVersion != 0 && m.LatestVersion < m.Version {
			return fmt.Errorf("model %d: latest_version %d is below its current version %d", m.Id, m.LatestVersion, m.Version)
		}
		if err := m.Price.Validate(); err != nil {
			return fmt.Errorf("model %d price: %w", m.Id, err)
		}
		if err := CheckPrivatePrice(m.Price, m.PrivatePrice); err != nil {
			return fmt.Errorf("model %d: %w", m.Id, err)
		}
		current[m.Id] = m.Latest()
	}
	seen := make(map[[2]uint64]bool, len(gs.Versions))
	for _, v := range gs.Versions {
		latest, ok := current[v.ModelId]
		if !ok {
			return fmt.Errorf("version %d of unknown model %d", v.Version, v.ModelId)
		}
		if v.Version == 0 || v.Version > latest {
			return fmt.Errorf("model %d: version %d out of range [1, %d]", v.ModelId, v.Version, latest)
		}
		key := [2]uint64{v.ModelId, v.Version}
		if seen[key] {
			return fmt.Errorf("duplicate version %d of model %d", v.Version, v.ModelId)
		}
		seen[key] = true
		if err := validateVersionKey(v); err != nil {
			return err
		}
		if h := sha256.Sum256(v.Artifact); !bytes.Equal(h[:], v.ArtifactHash) {
			return fmt.Errorf("model %d version %d: artifact hash mismatch", v.ModelId, v.Version)
		}
		if err := v.InputScheme().Validate(); err != nil {
			return fmt.Errorf("model %d version %d: %w", v.ModelId, v.Version, err)
		}
	}
	for _, m := range gs.Models {
		for ver := uint64(1); ver <= m.Version; ver++ {
			if !seen[[2]uint64{m.Id, ver}] {
				return fmt.Errorf("model %d is missing version %d", m.Id, ver)
			}
		}
	}
	return gs.validateSetups()
}
