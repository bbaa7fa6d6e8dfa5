package sim

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sync"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
)

// irisProver is the worker's prover of the bundled iris model, built once.
var irisProver = sync.OnceValues(func() (*prover.Prover, error) {
	return prover.New(models.IrisArtifact, models.IrisProvingKey, models.IrisVerifyingKey)
})

// irisArtifactHash identifies the iris artifact in a version, which the
// keeper returns without its artifact bytes.
var irisArtifactHash = sha256.Sum256(models.IrisArtifact)

// proofMemo remembers every proof made in this test binary. Groth16 proofs
// are randomized, so two runs of one seed would store different proof bytes
// and end with different app hashes; reusing the first proof of a statement
// keeps runs of a seed identical (the determinism test relies on it).
var proofMemo = struct {
	sync.Mutex
	proofs map[string][2][]byte
}{proofs: map[string][2][]byte{}}

// proveIris proves a task of an iris model version, as a worker holding the
// iris proving key would; ok is false for versions of other models.
func proveIris(version mrtypes.ModelVersion, chainID string, taskID uint64, worker sdk.AccAddress, input []int64) (output, proof []byte, ok bool, err error) {
	if !bytes.Equal(version.VerifyingKey, models.IrisVerifyingKey) || !bytes.Equal(version.ArtifactHash, irisArtifactHash[:]) {
		return nil, nil, false, nil
	}
	key := fmt.Sprintf("%s/%d/%x/%v", chainID, taskID, worker, input)
	proofMemo.Lock()
	defer proofMemo.Unlock()
	if p, ok := proofMemo.proofs[key]; ok {
		return p[0], p[1], true, nil
	}
	p, err := irisProver()
	if err != nil {
		return nil, nil, false, err
	}
	out, proof, err := p.Prove(chainID, taskID, worker, input)
	if err != nil {
		return nil, nil, false, err
	}
	proofMemo.proofs[key] = [2][]byte{vector.Encode(out), proof}
	return vector.Encode(out), proof, true, nil
}
