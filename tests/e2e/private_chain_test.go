package e2e_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/hyra-network/hyra/testutil/hyradtest"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
)

// The private-task chain of TestPrivateTasks: windows short enough that its lapses come in
// seconds, long enough for a client to post and a worker to prove on a loaded machine, and
// the model's prices.
const (
	privateInputWindow = 20 * time.Second // the param private_input_window
	privateClaimWindow = 20 * time.Second // the pool's claim timeout
	privatePrice       = 3000             // uhyra, the model's private price
	publicPrice        = 1000             // uhyra
	workerBond         = 10_000_000       // uhyra, min_worker_bond
	privateChainID     = "hyra-local-1"
	digitsPrivateModel = "1"
	digitsPrivatePool  = uint64(1)
)

// privateChain is one node with the private-capable digits model registered (model 1, private
// price 3000uhyra), a pool for it, and the model's proving key for the workers the tests drive
// by hand (the daemon reads the same keys directory).
type privateChain struct {
	*node
	keysDir   string // a worker's --keys-dir
	modelKeys string // the model's keys in it
	art       *artifact.Artifact
	artBytes  []byte
	prover    *prover.Prover
}

// newPrivateChain starts the chain with accounts funded; private_input_window is shortened in
// its genesis.
func newPrivateChain(t *testing.T, accounts ...string) *privateChain {
	t.Helper()
	n := newSingleNodeChain(t, append([]string{"owner"}, accounts...)...)
	genesis := filepath.Join(n.home, "config", "genesis.json")
	raw, err := os.ReadFile(genesis)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(raw, &doc))
	params := doc["app_state"].(map[string]any)["taskpool"].(map[string]any)["params"].(map[string]any)
	params["private_input_window"] = privateInputWindow.String()
	raw, err = json.Marshal(doc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(genesis, raw, 0o600))
	n.run("genesis", "validate")
	n.start()

	c := &privateChain{node: n, keysDir: t.TempDir(), artBytes: models.DigitsPrivateArtifact}
	c.art, err = artifact.Parse(c.artBytes)
	require.NoError(t, err)
	sum := sha256.Sum256(c.artBytes)
	keys := filepath.Join(c.keysDir, hex.EncodeToString(sum[:]))
	c.modelKeys = keys
	artFile := "../../zk/models/digits-private/artifact.json"
	n.run("zk", "setup", "--artifact", artFile, "--out", keys)
	code, log := n.tx("modelregistry", "register-model", "digits-private", itoa(publicPrice)+"uhyra",
		"--private-price", itoa(privatePrice)+"uhyra", "--artifact", artFile, "--vk", filepath.Join(keys, "verifying.key"),
		"--description", "8x8 digits, private-capable", "--from", "owner")
	require.Zero(t, code, log)
	code, log = n.tx("taskpool", "create-pool", digitsPrivateModel, "digits-private", privateClaimWindow.String(),
		"--min-reputation", "0", "--from", "owner")
	require.Zero(t, code, log)
	pk, err := os.ReadFile(filepath.Join(keys, "proving.key"))
	require.NoError(t, err)
	vk, err := os.ReadFile(filepath.Join(keys, "verifying.key"))
	require.NoError(t, err)
	c.prover, err = prover.New(c.artBytes, pk, vk)
	require.NoError(t, err)
	return c
}

// forTest is the chain seen from a subtest: its commands fail that subtest.
func (c *privateChain) forTest(t *testing.T) *privateChain {
	t.Helper()
	n := *c.node
	n.t = t
	cp := *c
	cp.node = &n
	return &cp
}

// addrBytes decodes a bech32 account address.
func addrBytes(t *testing.T, addr string) []byte {
	t.Helper()
	_, b, err := bech32.DecodeAndConvert(addr)
	require.NoError(t, err)
	return b
}

// txEvent is one event of a transaction's result, as `hyrad tx --output json` prints it.
type txEvent struct {
	Type       string `json:"type"`
	Attributes []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"attributes"`
}

// attr returns the value of key in the first event of type typ, unquoted (typed events
// JSON-encode their values).
func attr(events []txEvent, typ, key string) string {
	for _, e := range events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return strings.Trim(a.Value, `"`)
			}
		}
	}
	return ""
}

// signAndBroadcast sends msgs (proto JSON with "@type") from the key `from` through the real
// binary: an unsigned transaction file, `hyrad tx sign`, `hyrad tx broadcast` (which waits for
// the block). It is how the tests send the private messages that no CLI command builds yet
// (a private MsgSubmitTask, a sealed MsgSubmitResult). It returns the code, log and events.
func (c *privateChain) signAndBroadcast(from string, msgs ...any) (uint32, string, []txEvent) {
	t := c.t
	t.Helper()
	unsigned := map[string]any{
		"body": map[string]any{"messages": msgs, "memo": "", "timeout_height": "0"},
		"auth_info": map[string]any{
			"signer_infos": []any{},
			"fee":          map[string]any{"amount": []any{}, "gas_limit": "3000000"},
		},
		"signatures": []any{},
	}
	raw, err := json.Marshal(unsigned)
	require.NoError(t, err)
	dir := t.TempDir()
	unsignedFile, signedFile := filepath.Join(dir, "unsigned.json"), filepath.Join(dir, "signed.json")
	require.NoError(t, os.WriteFile(unsignedFile, raw, 0o600))
	c.run("tx", "sign", unsignedFile, "--from", from, "--chain-id", privateChainID, "--output-document", signedFile)
	stdout, stderr, err := c.execSplit("tx", "broadcast", signedFile, "--output", "json")
	var res struct {
		Code   uint32    `json:"code"`
		RawLog string    `json:"raw_log"`
		Height int64     `json:"height,string"`
		Events []txEvent `json:"events"`
	}
	if json.Unmarshal([]byte(hyradtest.LastLine(stdout)), &res) != nil {
		require.Error(t, err, "hyrad tx broadcast printed no result:\n%s%s", stdout, stderr)
		return 1, stderr, nil
	}
	require.Equal(t, res.Code != 0, err != nil, "%s%s", stdout, stderr)
	return res.Code, res.RawLog, res.Events
}

// privateTask is the part of `query taskpool task` the private tests read.
type privateTask struct {
	ID              string `json:"id"`
	Status          string `json:"status"`
	Worker          string `json:"worker"`
	Private         bool   `json:"private"`
	Input           []byte `json:"input"`
	InputCommitment []byte `json:"input_commitment"`
	SelfCiphertext  []byte `json:"self_ciphertext"`
	WorkerKey       []byte `json:"worker_key"`
	InputCiphertext []byte `json:"input_ciphertext"`
	InputRejections uint32 `json:"input_rejections"`
	Output          []byte `json:"output"`
}

func (c *privateChain) task(id uint64) privateTask {
	c.t.Helper()
	var res struct {
		Task privateTask `json:"task"`
	}
	c.queryJSON(&res, "taskpool", "task", itoa(int(id)))
	return res.Task
}

// waitStatus polls a task until it has status, within timeout.
func (c *privateChain) waitStatus(id uint64, status string, timeout time.Duration) privateTask {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		task := c.task(id)
		if task.Status == status || time.Now().After(deadline) {
			require.Equal(c.t, status, task.Status, "task %d after %s", id, timeout)
			return task
		}
		time.Sleep(time.Second)
	}
}
