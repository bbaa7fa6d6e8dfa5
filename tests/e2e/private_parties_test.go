package e2e_test

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/stretchr/testify/require"

	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/verifier"
)

// privateClient is a client driven by the test: its account, the key it seals its own copy of
// each input to, and the input and blinding of each task it submitted.
type privateClient struct {
	c      *privateChain
	name   string
	addr   string
	key    *private.KeyPair
	inputs map[uint64][]int64
	blinds map[uint64]fr.Element
}

func (c *privateChain) newClient(name string) *privateClient {
	key, err := private.GenerateKey()
	require.NoError(c.t, err)
	return &privateClient{
		c: c, name: name, addr: c.address(name), key: key,
		inputs: map[uint64][]int64{}, blinds: map[uint64]fr.Element{},
	}
}

// submit sends a private task for input with a fresh blinding, as `client infer --private`
// does: the hiding commitment and the input sealed to the client itself. It returns the id.
func (p *privateClient) submit(input []int64) uint64 {
	t := p.c.t
	t.Helper()
	r, err := private.NewBlinding()
	require.NoError(t, err)
	hiding, err := verifier.HidingInputOf(input, p.c.art.InputScheme(), r)
	require.NoError(t, err)
	self, err := private.SealInput(p.key.PublicKey(), p.selfInfo(), input, r)
	require.NoError(t, err)
	code, log, events := p.c.signAndBroadcast(p.name, map[string]any{
		"@type": "/hyra.taskpool.v1.MsgSubmitTask", "creator": p.addr, "pool_id": strconv.FormatUint(digitsPrivatePool, 10),
		"reward":   map[string]string{"denom": "uhyra", "amount": itoa(privatePrice)},
		"deadline": time.Now().Add(10 * time.Minute).UTC().Format(time.RFC3339),
		"private":  true, "input_commitment": base64.StdEncoding.EncodeToString(hiding),
		"self_ciphertext": base64.StdEncoding.EncodeToString(self),
	})
	require.Zero(t, code, log)
	id, err := strconv.ParseUint(attr(events, "hyra.taskpool.v1.EventTaskSubmitted", "task_id"), 10, 64)
	require.NoError(t, err, "%v", events)
	p.inputs[id], p.blinds[id] = input, r
	return id
}

// selfInfo binds the client's own copy of an input: the task id is not known before the
// block, so it is 0, and the envelope names the client and its purpose.
func (p *privateClient) selfInfo() private.Info {
	return private.Info{ChainID: privateChainID, Worker: p.addr, Purpose: private.PurposeInputToSelf}
}

// sealFor seals task id's input to the key and address of the worker that claimed it.
func (p *privateClient) sealFor(id uint64, workerKey []byte, worker string) []byte {
	ct, err := private.SealInput(workerKey, toWorker(id, worker), p.inputs[id], p.blinds[id])
	require.NoError(p.c.t, err)
	return ct
}

// post posts a ciphertext as task id's input with `hyrad tx taskpool post-input` (hex).
func (p *privateClient) post(id uint64, ct []byte) {
	code, log := p.c.tx("taskpool", "post-input", itoa(int(id)), hex.EncodeToString(ct), "--from", p.name)
	require.Zero(p.c.t, code, log)
}

// open decrypts a completed task's sealed output with the task's blinding.
func (p *privateClient) open(id uint64) []int64 {
	task := p.c.task(id)
	require.Equal(p.c.t, "TASK_STATUS_COMPLETED", task.Status)
	ct, err := commit.DecodeSealed(task.Output, p.c.art.Output.Length)
	require.NoError(p.c.t, err)
	y, err := commit.OpenOutput(ct, p.blinds[id], commit.MinValue, commit.MaxValue)
	require.NoError(p.c.t, err)
	return y
}

func toWorker(id uint64, worker string) private.Info {
	return private.Info{ChainID: privateChainID, TaskID: id, Worker: worker, Purpose: private.PurposeInputToWorker}
}

// handWorker is a worker driven by the test through the CLI, with its X25519 key.
type handWorker struct {
	c    *privateChain
	name string
	addr string
	key  *private.KeyPair
}

// newWorker registers and bonds the account `name` as a worker.
func (c *privateChain) newWorker(name string) *handWorker {
	key, err := private.GenerateKey()
	require.NoError(c.t, err)
	w := &handWorker{c: c, name: name, addr: c.address(name), key: key}
	code, log := c.tx("taskpool", "register-worker", "--from", name)
	require.Zero(c.t, code, log)
	code, log = c.tx("rewards", "bond", itoa(workerBond)+"uhyra", "--from", name)
	require.Zero(c.t, code, log)
	return w
}

// claim claims task id with `hyrad tx taskpool claim --encryption-key` (the worker's own key
// unless another public key is given).
func (w *handWorker) claim(id uint64, pub ...[]byte) {
	key := w.key.PublicKey()
	if len(pub) > 0 {
		key = pub[0]
	}
	code, log := w.c.tx("taskpool", "claim", strconv.FormatUint(digitsPrivatePool, 10), itoa(int(id)),
		"--encryption-key", hex.EncodeToString(key), "--from", w.name)
	require.Zero(w.c.t, code, log)
	task := w.c.task(id)
	require.Equal(w.c.t, "TASK_STATUS_CLAIMED", task.Status)
	require.Equal(w.c.t, key, task.WorkerKey)
}

// errMismatch is a posted input that opens but is not the committed one.
var errMismatch = errors.New("the posted input does not match the task's commitment")

// openInput does what an honest worker does with a posted input: open it with key for this
// task and worker, and check it against the task's commitment.
func (w *handWorker) openInput(id uint64, key *private.KeyPair) ([]int64, fr.Element, error) {
	task := w.c.task(id)
	require.NotEmpty(w.c.t, task.InputCiphertext, "task %d has a posted input", id)
	input, r, err := key.OpenInput(task.InputCiphertext, toWorker(id, w.addr))
	if err != nil {
		return nil, r, err
	}
	got, err := verifier.HidingInputOf(input, w.c.art.InputScheme(), r)
	if err != nil {
		return nil, r, fmt.Errorf("%w: %w", errMismatch, err)
	}
	if string(got) != string(task.InputCommitment) {
		return nil, r, errMismatch
	}
	return input, r, nil
}

// reject refuses the posted input with `hyrad tx taskpool reject-input`.
func (w *handWorker) reject(id uint64) {
	code, log := w.c.tx("taskpool", "reject-input", itoa(int(id)), "--from", w.name)
	require.Zero(w.c.t, code, log)
}

// prove opens and checks the posted input, proves the task with its blinding and submits the
// sealed output. It returns the model's (plaintext) output, which only the worker saw.
func (w *handWorker) prove(id uint64) []int64 {
	t := w.c.t
	input, r, err := w.openInput(id, w.key)
	require.NoError(t, err)
	res, err := w.c.prover.ProveBlinded(privateChainID, id, addrBytes(t, w.addr), input, r)
	require.NoError(t, err)
	code, log, _ := w.c.signAndBroadcast(w.name, map[string]any{
		"@type": "/hyra.taskpool.v1.MsgSubmitResult", "worker": w.addr, "task_id": itoa(int(id)),
		"output": base64.StdEncoding.EncodeToString(res.Statement.Output),
		"proof":  base64.StdEncoding.EncodeToString(res.Proof),
	})
	require.Zero(t, code, log)
	return res.Output
}

// standing is what a lapse would take from a worker: its bond, reputation and lapsed claims.
type standing struct {
	Bond, Reputation, Lapsed string
}

func (c *privateChain) standing(addr string) standing {
	c.t.Helper()
	var bond struct {
		Bond struct {
			Bonded struct {
				Amount string `json:"amount"`
			} `json:"bonded"`
		} `json:"bond"`
	}
	c.queryJSON(&bond, "rewards", "bond", addr)
	var rep struct {
		Reputation string `json:"reputation"`
	}
	c.queryJSON(&rep, "rewards", "reputation", addr)
	var rec struct {
		Worker struct {
			Worker struct {
				LapsedClaims string `json:"lapsed_claims"`
			} `json:"worker"`
		} `json:"worker"`
	}
	c.queryJSON(&rec, "taskpool", "worker", addr)
	lapsed := rec.Worker.Worker.LapsedClaims
	if lapsed == "" { // JSON leaves zero out
		lapsed = "0"
	}
	return standing{Bond: bond.Bond.Bonded.Amount, Reputation: rep.Reputation, Lapsed: lapsed}
}
