package types

import (
	"bytes"
	"crypto/sha256"
	"fmt"

	"github.com/hyra-network/hyra/zk/verifier"
)

// NormalizedStatus is a version's setup status, with versions written before
// ceremonies existed (no status, always a key) read as SINGLE_PARTY.
func NormalizedStatus(v ModelVersion) SetupStatus {
	if v.SetupStatus == SETUP_STATUS_UNSPECIFIED && len(v.VerifyingKey) > 0 {
		return SETUP_STATUS_SINGLE_PARTY
	}
	return v.SetupStatus
}

// validateVersionKey checks a version's key against its status: a PENDING
// version has none yet, a version that takes tasks has one, and a key always
// matches its hash.
func validateVersionKey(v ModelVersion) error {
	status := NormalizedStatus(v)
	switch {
	case status == SETUP_STATUS_UNSPECIFIED || SetupStatus_name[int32(status)] == "":
		return fmt.Errorf("model %d version %d: invalid setup status %d", v.ModelId, v.Version, status)
	case status == SETUP_STATUS_PENDING && (len(v.VerifyingKey) != 0 || len(v.VerifyingKeyHash) != 0):
		return fmt.Errorf("model %d version %d: a PENDING version has no verifying key", v.ModelId, v.Version)
	case status.TakesTasks() && len(v.VerifyingKey) == 0:
		return fmt.Errorf("model %d version %d: %s without a verifying key", v.ModelId, v.Version, status)
	}
	if len(v.VerifyingKey) == 0 && len(v.VerifyingKeyHash) == 0 {
		return nil
	}
	if h := sha256.Sum256(v.VerifyingKey); !bytes.Equal(h[:], v.VerifyingKeyHash) {
		return fmt.Errorf("model %d version %d: verifying key hash mismatch", v.ModelId, v.Version)
	}
	return nil
}

// validateSetups checks every setup against its version and its
// contributions: one setup per existing version, contributions numbered from
// 1 without gaps by distinct accounts, the last one's state recorded as the
// setup's, and a finalized setup exactly for a CEREMONY version (or a retired
// one).
func (gs GenesisState) validateSetups() error {
	versions := make(map[[2]uint64]ModelVersion, len(gs.Versions))
	for _, v := range gs.Versions {
		versions[[2]uint64{v.ModelId, v.Version}] = v
	}
	byVersion := make(map[[2]uint64][]SetupContribution)
	for _, c := range gs.SetupContributions {
		key := [2]uint64{c.ModelId, c.Version}
		byVersion[key] = append(byVersion[key], c)
	}
	setups := make(map[[2]uint64]bool, len(gs.Setups))
	for _, s := range gs.Setups {
		key := [2]uint64{s.ModelId, s.Version}
		v, ok := versions[key]
		if !ok {
			return fmt.Errorf("setup of unknown model %d version %d", s.ModelId, s.Version)
		}
		if setups[key] {
			return fmt.Errorf("duplicate setup of model %d version %d", s.ModelId, s.Version)
		}
		setups[key] = true
		if err := s.validate(v, byVersion[key]); err != nil {
			return fmt.Errorf("setup of model %d version %d: %w", s.ModelId, s.Version, err)
		}
	}
	for key := range byVersion {
		if !setups[key] {
			return fmt.Errorf("contributions to model %d version %d, which has no setup", key[0], key[1])
		}
	}
	for _, v := range gs.Versions {
		if NormalizedStatus(v) == SETUP_STATUS_CEREMONY && !setups[[2]uint64{v.ModelId, v.Version}] {
			return fmt.Errorf("model %d version %d is CEREMONY without a setup", v.ModelId, v.Version)
		}
	}
	return nil
}

func (s Setup) validate(v ModelVersion, contribs []SetupContribution) error {
	if !bytes.Equal(s.ArtifactHash, v.ArtifactHash) {
		return fmt.Errorf("artifact hash differs from the version's")
	}
	if len(s.InitialStateHash) != verifier.SetupStateHashSize || len(s.VkK) != verifier.SetupVKKSize {
		return fmt.Errorf("initial_state_hash or vk_k has the wrong size")
	}
	if int(s.Contributions) != len(contribs) {
		return fmt.Errorf("says %d contributions, genesis has %d", s.Contributions, len(contribs))
	}
	lastG1, lastG2 := verifier.InitialDelta()
	lastHash := s.InitialStateHash
	seen := make(map[string]bool, len(contribs))
	for i, c := range contribs {
		if c.Index != uint32(i+1) {
			return fmt.Errorf("contribution %d has index %d", i+1, c.Index)
		}
		if seen[c.Contributor] {
			return fmt.Errorf("%s contributed twice", c.Contributor)
		}
		seen[c.Contributor] = true
		lastHash, lastG1, lastG2 = c.StateHash, c.DeltaG1, c.DeltaG2
	}
	if !bytes.Equal(s.LastStateHash, lastHash) || !bytes.Equal(s.LastDeltaG1, lastG1) || !bytes.Equal(s.LastDeltaG2, lastG2) {
		return fmt.Errorf("last state and delta differ from the last contribution's")
	}
	status := NormalizedStatus(v)
	finalized := s.FinalizedHeight != 0
	switch {
	case finalized && status != SETUP_STATUS_CEREMONY && status != SETUP_STATUS_RETIRED:
		return fmt.Errorf("finalized, but the version is %s", status)
	case !finalized && status != SETUP_STATUS_PENDING && status != SETUP_STATUS_RETIRED:
		return fmt.Errorf("not finalized, but the version is %s", status)
	case finalized && len(s.Beacon) == 0:
		return fmt.Errorf("finalized without a beacon")
	}
	return nil
}
