package verifier_test

import (
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

var update = flag.Bool("update", false, "regenerate testdata/ from the committed iris keys")

// fixture is testdata/iris_statement.json: a statement with a valid proof in iris_proof.bin
// against the verifying key in iris_verifying.key. Byte fields are hex.
type fixture struct {
	ChainID     string  `json:"chain_id"`
	TaskID      uint64  `json:"task_id"`
	Worker      string  `json:"worker"`
	Input       string  `json:"input"`
	Output      string  `json:"output"`
	InputValues []int64 `json:"input_values"`
}

const (
	fixtureStatement = "testdata/iris_statement.json"
	fixtureProof     = "testdata/iris_proof.bin"
	fixtureVK        = "testdata/iris_verifying.key"
)

func TestUpdateFixture(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate")
	}
	_, vk, prove := zktest.Iris(t)
	in := zktest.IrisInputs(t)[0]
	worker, _ := hex.DecodeString("8f3a5c0e1d2b4a6978695a4b3c2d1e0f10213243")
	out, proof := prove("hyra-test-1", 7, worker, in)
	f := fixture{ChainID: "hyra-test-1", TaskID: 7, Worker: hex.EncodeToString(worker), Input: hex.EncodeToString(vector.Encode(in)), Output: hex.EncodeToString(out), InputValues: in}
	b, err := json.MarshalIndent(f, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(fixtureStatement), 0o755))
	require.NoError(t, os.WriteFile(fixtureStatement, append(b, '\n'), 0o644))
	require.NoError(t, os.WriteFile(fixtureProof, proof, 0o644))
	require.NoError(t, os.WriteFile(fixtureVK, vk, 0o644))
}

// loadFixture returns the committed verifying key, proof and statement.
func loadFixture(t testing.TB) ([]byte, []byte, verifier.Statement) {
	t.Helper()
	vk, err := os.ReadFile(fixtureVK)
	require.NoError(t, err)
	proof, err := os.ReadFile(fixtureProof)
	require.NoError(t, err)
	b, err := os.ReadFile(fixtureStatement)
	require.NoError(t, err)
	var f fixture
	require.NoError(t, json.Unmarshal(b, &f))
	st := verifier.Statement{ChainID: f.ChainID, TaskID: f.TaskID}
	for dst, src := range map[*[]byte]string{&st.Worker: f.Worker, &st.Output: f.Output} {
		*dst, err = hex.DecodeString(src)
		require.NoError(t, err)
	}
	input, err := hex.DecodeString(f.Input)
	require.NoError(t, err)
	in, err := vector.Decode(input)
	require.NoError(t, err)
	st.InputCommitment = zktest.InputCommitment(t, in)
	return vk, proof, st
}
