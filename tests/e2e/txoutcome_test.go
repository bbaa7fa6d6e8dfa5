package e2e_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/testutil/hyradtest"
)

// txOutput is the part of a tx command's --output json that the tests read.
type txOutput struct {
	TxHash string `json:"txhash"`
	Code   uint32 `json:"code"`
	RawLog string `json:"raw_log"`
	Height int64  `json:"height,string"`
}

func parseTxOutput(t *testing.T, stdout string) txOutput {
	t.Helper()
	var res txOutput
	require.NoError(t, json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res), stdout)
	return res
}

// sourcePath matches a Go source location as errorsmod prints it.
var sourcePath = regexp.MustCompile(`\.go:\d+`)

// requireNoSourcePath fails if out names a source file or this repository's directory.
func requireNoSourcePath(t *testing.T, out string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	require.NotRegexp(t, sourcePath, out)
	require.NotContains(t, out, repo)
}

// TestTxCommandsReportTheOutcome drives `hyrad tx` the way a person types it
// (default gas, so no simulation, text output): a user's mistakes in a task
// (wrong denom, unknown pool or model, ttl below the minimum, input failing
// the model's schema) are refused by the node before any block, with the handler's message; a
// transaction the node accepts is reported once it is in a block, as a
// success or as a failure with its error, and the exit status says which;
// no error names a source file.
func TestTxCommandsReportTheOutcome(t *testing.T) {
	n := newSingleNodeChain(t, "owner", "client")
	n.start()
	code, log := n.tx("modelregistry", "register-model", "iris", "1000uhyra",
		"--artifact", "../../zk/models/iris/artifact.json", "--vk", "../../zk/models/iris/verifying.key",
		"--description", "iris classifier", "--from", "owner")
	require.Zero(t, code, log)
	code, log = n.tx("taskpool", "create-pool", "1", "iris", "2m", "--from", "owner")
	require.Zero(t, code, log)

	const input = "51,35,14,2"
	submit := func(args ...string) (string, string, error) {
		return n.execSplit(append(append([]string{"tx", "taskpool", "submit-task"}, args...), "--from", "client", "--yes")...)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"wrong denom", []string{"1", input, "5000stake", "--ttl", "10m"}, `reward must be in uhyra, got denom "stake"`},
		{"unknown pool", []string{"9", input, "5000uhyra", "--ttl", "10m"}, "pool 9: pool not found"},
		{"ttl below the minimum", []string{"1", input, "5000uhyra", "--ttl", "5s"}, "the minimum is 1m0s"},
		{"input failing the schema", []string{"1", "51,35,14,999", "5000uhyra", "--ttl", "10m"}, "element 3 = 999 outside [0, 127]"},
	} {
		stdout, stderr, err := submit(tc.args...)
		require.Error(t, err, "%s: the command must fail:\n%s%s", tc.name, stdout, stderr)
		require.Contains(t, stderr, "refused by the node", tc.name)
		require.Contains(t, stderr, tc.want, tc.name)
		require.NotContains(t, stdout+stderr, "Usage:", tc.name)
		requireNoSourcePath(t, stdout+stderr)
	}
	stdout, stderr, err := n.execSplit("tx", "router", "route-task", "7", input, "5000uhyra", "--ttl", "10m", "--from", "client", "--yes")
	require.Error(t, err, "an unknown model must fail the command:\n%s%s", stdout, stderr)
	require.Contains(t, stderr, "refused by the node")
	require.Contains(t, stderr, "model 7: model not found")
	requireNoSourcePath(t, stdout+stderr)

	// An autocli command: refused, then accepted; only the outcome is printed.
	stdout, stderr, err = n.execSplit("tx", "taskpool", "claim", "1", "--from", "client", "--yes")
	require.Error(t, err)
	require.Contains(t, stderr, "worker is not registered")
	require.Empty(t, stdout)
	stdout, stderr, err = n.execSplit("tx", "taskpool", "register-worker", "--from", "client", "--yes")
	require.NoError(t, err, stderr)
	require.Regexp(t, `^transaction [0-9A-F]+ succeeded in block \d+ \(gas used \d+ of 200000\)\n$`, stdout)

	stdout, stderr, err = submit("9", input, "5000uhyra", "--output", "json")
	require.Error(t, err)
	refused := parseTxOutput(t, stdout)
	require.Equal(t, uint32(5), refused.Code, "taskpool's pool not found")
	require.Zero(t, refused.Height)
	requireNoSourcePath(t, stdout+stderr)

	stdout, stderr, err = submit("1", input, "5000uhyra", "--ttl", "10m")
	require.NoError(t, err, stderr)
	require.Contains(t, stdout, "succeeded in block")
	require.Contains(t, stdout, `"task_id":"1"`)

	// A model registration is not prechecked (it decodes a verifying key):
	// a wrong price passes the node and fails in the block.
	stdout, stderr, err = n.execSplit("tx", "modelregistry", "register-model", "iris", "1000stake",
		"--artifact", "../../zk/models/iris/artifact.json", "--vk", "../../zk/models/iris/verifying.key",
		"--description", "iris classifier", "--from", "owner", "--yes", "--output", "json")
	require.Error(t, err, "a transaction that fails in its block fails the command")
	failed := parseTxOutput(t, stdout)
	require.NotZero(t, failed.Code)
	require.Positive(t, failed.Height)
	require.Contains(t, failed.RawLog, `price must be in uhyra, got denom "stake"`)
	require.Contains(t, stderr, fmt.Sprintf("failed in block %d", failed.Height))
	require.Contains(t, stderr, `price must be in uhyra, got denom "stake"`)
	requireNoSourcePath(t, stdout+stderr)

	// --broadcast-mode async does not wait.
	stdout, stderr, err = submit("1", input, "5000uhyra", "--broadcast-mode", "async", "--output", "json")
	require.NoError(t, err, stderr)
	async := parseTxOutput(t, stdout)
	require.NotEmpty(t, async.TxHash)
	require.Zero(t, async.Height)

	_, stderr, err = n.execSplit("tx", "bank", "send", "owner", n.address("client"), "1uhyra", "--yes",
		"--node", fmt.Sprintf("tcp://127.0.0.1:%d", freePort(t)))
	require.Error(t, err)
	require.Contains(t, stderr, "connection refused")
	require.Contains(t, stderr, "--node")

	_, stderr, err = n.execSplit("tx", "taskpool", "submit-task", "1", input, "5000uhyra", "--from", "nobody", "--yes")
	require.Error(t, err)
	require.True(t, strings.Contains(stderr, "nobody"), stderr)
	requireNoSourcePath(t, stderr)
}
