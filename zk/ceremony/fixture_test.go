package ceremony_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/ceremony"
	"github.com/hyra-network/hyra/zk/internal/testmodel"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// ceremonyRun is a phase 2 of an artifact with three contributors on the insecure test phase 1,
// finalized with a beacon, as the chain would record it. The detection tests use the tiny test
// model (a 64-point domain: each Verify takes milliseconds), the end-to-end ones iris.
type ceremonyRun struct {
	artifact []byte
	phase1   []byte
	setup    *ceremony.Setup
	states   [][]byte
	records  []verifier.SetupContribution
	beacon   []byte
	keys     *ceremony.Keys
}

var testPhase1 = sync.OnceValues(func() ([]byte, error) { return ceremony.InsecureTestPhase1(1 << 10) })

func runCeremony(artifactBytes []byte, contributors int) (*ceremonyRun, error) {
	phase1, err := testPhase1()
	if err != nil {
		return nil, err
	}
	s, err := ceremony.Begin(artifactBytes, phase1)
	if err != nil {
		return nil, err
	}
	r := &ceremonyRun{artifact: artifactBytes, phase1: phase1, setup: s, beacon: []byte("block 1234 header hash")}
	state := s.State
	for range contributors {
		next, rec, err := ceremony.Contribute(state)
		if err != nil {
			return nil, err
		}
		r.states, r.records, state = append(r.states, next), append(r.records, rec), next
	}
	if r.keys, err = ceremony.Finalize(artifactBytes, phase1, r.states, r.beacon); err != nil {
		return nil, err
	}
	return r, nil
}

var (
	irisCeremony = sync.OnceValues(func() (*ceremonyRun, error) { return runCeremony(models.IrisArtifact, 3) })
	tinyCeremony = sync.OnceValues(func() (*ceremonyRun, error) { return runCeremony([]byte(testmodel.JSON), 3) })
)

func load(t testing.TB, f func() (*ceremonyRun, error)) *ceremonyRun {
	t.Helper()
	r, err := f()
	require.NoError(t, err)
	return r
}

// chainInput is what `hyrad zk ceremony verify` checks for a finished setup: the transcript and
// everything the chain recorded.
func (r *ceremonyRun) chainInput() ceremony.VerifyInput {
	return ceremony.VerifyInput{
		Artifact: r.artifact, Phase1: r.phase1, States: r.states, Initial: r.setup.State,
		InitialStateHash: r.setup.InitialStateHash, VKK: r.setup.VKK, Records: r.records,
		Beacon: r.beacon, VerifyingKey: r.keys.VerifyingKey,
	}
}

// proveIris proves an iris sample with the given keys and checks it with the chain's verifier.
func proveIris(t *testing.T, keys *ceremony.Keys) {
	t.Helper()
	p, err := prover.New(models.IrisArtifact, keys.ProvingKey, keys.VerifyingKey)
	require.NoError(t, err)
	input := zktest.IrisInputs(t)[3]
	worker := []byte("worker-address-20byt")
	out, proof, err := p.Prove("hyra-ceremony", 42, worker, input)
	require.NoError(t, err)
	st := verifier.Statement{ChainID: "hyra-ceremony", TaskID: 42, Worker: worker, InputCommitment: zktest.InputCommitment(t, input), Output: vector.Encode(out)}
	require.NoError(t, verifier.Verify(keys.VerifyingKey, proof, st))
}
