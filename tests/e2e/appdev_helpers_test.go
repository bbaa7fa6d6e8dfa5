package e2e_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// appChain is a running chain with something behind every hyra query: the
// iris model (1) registered by owner, pool 1, task 1 submitted by client and
// completed with a verified result by worker (registered and bonded).
type appChain struct {
	*node
	owner, client, worker string
}

// irisInput is task 1's input, the vector `hyrad zk prove` takes.
const irisInput = "51,35,14,2"

// newAppChain starts a single-node chain with the API server's Swagger
// routes on and drives task 1 to COMPLETED from the CLI.
func newAppChain(t *testing.T) *appChain {
	t.Helper()
	n := newSingleNodeChain(t, "owner", "client", "worker")
	n.run("config", "set", "app", "api.swagger", "true")
	n.start()
	c := &appChain{node: n, owner: n.address("owner"), client: n.address("client"), worker: n.address("worker")}
	n.registerIris()
	for _, args := range [][]string{
		{"taskpool", "create-pool", "1", "iris", "2m", "--from", "owner"},
		{"taskpool", "submit-task", "1", irisInput, "5000uhyra", "--ttl", "10m", "--from", "client"},
		{"taskpool", "register-worker", "--from", "worker"},
		{"rewards", "bond", "10000000uhyra", "--from", "worker"},
		{"taskpool", "claim", "1", "--from", "worker"},
	} {
		code, log := n.tx(args...)
		require.Zero(t, code, log)
	}
	proof := filepath.Join(t.TempDir(), "proof.bin")
	out := n.run("zk", "prove", "--artifact", "../../zk/models/iris/artifact.json",
		"--pk", "../../zk/models/iris/proving.key", "--vk", "../../zk/models/iris/verifying.key",
		"--chain-id", "hyra-local-1", "--task-id", "1", "--worker", c.worker, "--input", irisInput, "--out", proof)
	code, log := n.tx("taskpool", "submit-result", "1", outputLine(t, out), proof, "--from", "worker")
	require.Zero(t, code, log)
	return c
}
