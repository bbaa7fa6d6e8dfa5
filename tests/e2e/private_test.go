package e2e_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// secretBook collects, from the subtests, the input and output values of every private task
// (which nothing a third party reads may contain) and of the public control task (which the
// scan must find, or it proves nothing).
type secretBook struct {
	mu            sync.Mutex
	hidden, shown []secret
}

// private records a private task's input and, once computed, its output (nil: none).
func (b *secretBook) private(t *testing.T, label string, input, output []int64) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hidden = append(b.hidden, inputSecret(t, label+" input", input))
	if output != nil {
		b.hidden = append(b.hidden, outputSecret(t, label+" output", output))
	}
}

func (b *secretBook) public(t *testing.T, input, output []int64) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.shown = append(b.shown, inputSecret(t, "public input", input), outputSecret(t, "public output", output))
}

// TestPrivateTasks runs private tasks on the real binary through every path the issue names
// (a client that never posts, wrong inputs, a worker that never answers, replayed
// ciphertexts) with exact balances, and a private task from `hyrad client infer --private`,
// run by the worker daemon, to the client's decrypted, verified output. Then it reads
// everything a third party can read (REST, CometBFT RPC, the mempool, the events of every
// block and transaction, the node's data directory and log) and finds none of the private
// inputs and outputs in any encoding, while the same scan finds a public task's input and
// output in each of those places (it can fail).
func TestPrivateTasks(t *testing.T) {
	c := newPrivateChain(t, "client-a", "worker-a", "client-b", "worker-b", "client-c", "worker-c", "worker-d",
		"client-p", "worker-p", "client-w", "worker-w")
	mempool := c.watchMempool()
	ownerBefore := c.balanceOf(c.address("owner"))
	secrets := &secretBook{}
	t.Run("paths", func(t *testing.T) {
		for name, path := range map[string]func(*testing.T, *privateChain, *secretBook){
			"client never posts":            clientNeverPosts,
			"wrong input":                   wrongInput,
			"worker never answers, replays": silentWorkerAndReplays,
			"public control":                publicControl,
		} {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				path(t, c.forTest(t), secrets)
			})
		}
	})
	if t.Failed() {
		return
	}
	// The daemon runs alone: it would claim the other paths' open tasks.
	t.Run("worker daemon", func(t *testing.T) { daemonRunsPrivateTask(t, c.forTest(t), secrets) })
	if t.Failed() {
		return
	}
	// Nothing stranded: every task ended, so the escrow is empty once the block's deferred
	// shares are paid; the model owner got 10% of each of the five rewards paid.
	h, err := c.height()
	require.NoError(t, err)
	c.waitHeight(h+1, time.Minute)
	require.Equal(t, "0", c.balance(moduleAddress(t, c.address("owner"), "taskpool")), "the escrow holds nothing")
	require.Equal(t, ownerBefore+(4*privatePrice+publicPrice)/10, c.balanceOf(c.address("owner")))

	scanThirdPartyViews(t, c, mempool, secrets)
}

// scanThirdPartyViews scans every third-party view of the chain for the private secrets
// (none may be found) and the public control (found in each view that shows a task's data).
func scanThirdPartyViews(t *testing.T, c *privateChain, mempool *mempoolWatch, secrets *secretBook) {
	t.Helper()
	// Six private inputs (five tasks' and a wrong one) and four private tasks' outputs; the
	// public task's input and output.
	require.Len(t, secrets.hidden, 10)
	require.Len(t, secrets.shown, 2)
	hidden, shown := newScanner(secrets.hidden...), newScanner(secrets.shown...)
	both := func(f func(*scanner)) { f(hidden); f(shown) }
	height, err := c.height()
	require.NoError(t, err)
	var tasks struct {
		Tasks []struct {
			ID string `json:"id"`
		} `json:"tasks"`
	}
	c.queryJSON(&tasks, "taskpool", "tasks")
	both(func(s *scanner) { c.scanREST(s, uint64(len(tasks.Tasks)), height) })
	both(func(s *scanner) { c.scanRPC(s, height) })
	mempool.end()
	var answers int
	both(func(s *scanner) { answers = mempool.scan(s) })
	c.stop()
	var files, entries int
	both(func(s *scanner) { files, entries = c.scanDataDir(s) })
	both(func(s *scanner) { s.scan(srcNodeLog, "stdout and stderr", c.log.Bytes()) })
	t.Logf("scanned %d tasks, %d heights, %d mempool answers with transactions, %d files and %d database entries",
		len(tasks.Tasks), height, answers, files, entries)

	require.Empty(t, hidden.report(), "private input or output values readable by a third party")
	// The block store holds the transactions, the application database the tasks. (A
	// transaction stays in the mempool for less than a block, so the watch may miss one: the
	// public task's presence there is logged, not required.)
	for _, src := range []string{srcREST, srcRPC, srcDataDir + "blockstore.db", srcDataDir + "application.db"} {
		require.True(t, shown.foundIn("public input values", src), "positive control: the public input is found in %s", src)
		require.True(t, shown.foundIn("public output values", src), "positive control: the public output is found in %s", src)
	}
	require.True(t, shown.foundIn("public input zero-blinded hiding commitment", srcEvents),
		"positive control: a public task's commitment, a function of its input, is found in its events")
	t.Logf("positive control, found:\n%s", strings.Join(shown.report(), "\n"))
}

// publicControl runs a public task on the same model by hand (`submit-task`, `claim`,
// `zk prove`, `submit-result`): the input and output the scan must find.
func publicControl(t *testing.T, c *privateChain, secrets *secretBook) {
	t.Helper()
	worker := c.newWorker("worker-p")
	input := distinctImage(6)
	code, log := c.tx("taskpool", "submit-task", strconv.FormatUint(digitsPrivatePool, 10), csv(input), itoa(publicPrice)+"uhyra",
		"--ttl", "10m", "--from", "client-p")
	require.Zero(t, code, log)
	var mine struct {
		Tasks []privateTask `json:"tasks"`
	}
	c.queryJSON(&mine, "taskpool", "tasks-by-creator", c.address("client-p"))
	require.Len(t, mine.Tasks, 1)
	id := mine.Tasks[0].ID
	code, log = c.tx("taskpool", "claim", strconv.FormatUint(digitsPrivatePool, 10), id, "--from", worker.name)
	require.Zero(t, code, log)
	keys := c.modelKeys
	proof := filepath.Join(t.TempDir(), "proof.bin")
	out := c.run("zk", "prove", "--artifact", "../../zk/models/digits-private/artifact.json",
		"--pk", filepath.Join(keys, "proving.key"), "--vk", filepath.Join(keys, "verifying.key"),
		"--chain-id", privateChainID, "--task-id", id, "--worker", worker.addr, "--input", csv(input), "--out", proof)
	output := outputLine(t, out)
	outputFile := filepath.Join(t.TempDir(), "output.txt") // negative values read as flags inline
	require.NoError(t, os.WriteFile(outputFile, []byte(output), 0o600))
	code, log = c.tx("taskpool", "submit-result", id, outputFile, proof, "--from", worker.name)
	require.Zero(t, code, log)
	want, err := c.art.Infer(input)
	require.NoError(t, err)
	require.Equal(t, csv(want), output)
	secrets.public(t, input, want)
}

// moduleAddress is a module account's address, with the prefix of addr.
func moduleAddress(t *testing.T, addr, module string) string {
	t.Helper()
	hrp, _, err := bech32.DecodeAndConvert(addr)
	require.NoError(t, err)
	s, err := bech32.ConvertAndEncode(hrp, authtypes.NewModuleAddress(module))
	require.NoError(t, err)
	return s
}
