package worker

import (
	"context"
	"errors"
	"fmt"

	"github.com/hyra-network/hyra/zk/ceremony"
)

// Checked is a transcript verified against the chain: zk/ceremony's report, and the state
// files read (the next contribution starts from the last one).
type Checked struct {
	*ceremony.Report
	Initial []byte
	States  [][]byte
}

// Last is the state the next contribution starts from.
func (c *Checked) Last() []byte {
	if len(c.States) == 0 {
		return c.Initial
	}
	return c.States[len(c.States)-1]
}

// VerifySetup recomputes a version's setup from its registered artifact and phase 1, reading the
// transcript files the chain's records name, and checks everything the chain recorded: the
// initial state hash and K points, every contribution (its file follows the previous state, its
// proof verifies, it updated all of the proving key's delta-dependent points, and it is the
// record on chain), and, once finalized, that the recorded beacon seals it to the chain's
// verifying key (the report then holds the proving key). A bad or missing file is reported as a
// *ceremony.ContributionError naming the contribution and its contributor.
func VerifySetup(ctx context.Context, src TranscriptSource, phase1 []byte, oc *SetupOnChain) (*Checked, error) {
	if oc.Setup == nil {
		return nil, fmt.Errorf("model %d version %d: no setup has begun on chain (status %s)", oc.Version.ModelId, oc.Version.Version, oc.Version.SetupStatus)
	}
	if err := oc.checkPhase1(phase1); err != nil {
		return nil, err
	}
	c := &Checked{}
	initial, err := src.Read(ctx, ceremony.InitialStateFile)
	if err != nil && !errors.Is(err, errNoFile) {
		return nil, err
	}
	c.Initial = initial // compared with the recomputed one when present
	for _, rec := range oc.Contributions {
		name := ContributionFile(rec.Index, rec.Contributor)
		b, err := src.Read(ctx, name)
		if err != nil {
			return nil, &ceremony.ContributionError{Index: int(rec.Index), Err: fmt.Errorf("%w: by %s: %w", ceremony.ErrTranscript, rec.Contributor, err)}
		}
		c.States = append(c.States, b)
	}
	in := ceremony.VerifyInput{
		Artifact: oc.Version.Artifact, Phase1: phase1, States: c.States, Initial: initial,
		InitialStateHash: oc.Setup.InitialStateHash, VKK: oc.Setup.VkK, Records: oc.records(),
	}
	if oc.Finalized() {
		in.Beacon, in.VerifyingKey = oc.Setup.Beacon, oc.Version.VerifyingKey
	}
	if c.Report, err = ceremony.Verify(in); err != nil {
		return nil, oc.nameContribution(err)
	}
	if c.Initial == nil {
		c.Initial = c.State
	}
	return c, nil
}

// nameContribution adds the contributor the chain recorded to an error about a contribution.
func (oc *SetupOnChain) nameContribution(err error) error {
	var ce *ceremony.ContributionError
	if !errors.As(err, &ce) || ce.Index < 1 || ce.Index > len(oc.Contributions) {
		return err
	}
	rec := oc.Contributions[ce.Index-1]
	return fmt.Errorf("%w (file %s, contributor %s, recorded at height %d)", err, ContributionFile(rec.Index, rec.Contributor), rec.Contributor, rec.Height)
}
