package client

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	modeltypes "github.com/hyra-network/hyra/x/modelregistry/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/verifier"
)

// A private task's input and output are known only to its client and the
// worker that runs it (README "Private tasks"). The client holds the secret:
// the input and a random blinding r. The chain gets the hiding commitment to
// the input and the input sealed to the client's own key (self_ciphertext),
// so that a client that restarts can read its secret back from the chain;
// the worker that claims gets the input sealed to its key; the result is the
// output sealed with r, which only the client can open.

// ClientKeyFile is where a client keeps its envelope key, under its --home:
// the X25519 key that opens the self_ciphertext of its private tasks.
const ClientKeyFile = "private/client.key"

// LoadClientKey reads the client's envelope key from home, creating it
// (mode 0600) on first use. Losing it loses the way to resume a private task
// after a restart, not the task's escrow.
func LoadClientKey(home string) (*private.KeyPair, error) {
	return private.LoadOrCreateKey(filepath.Join(home, ClientKeyFile))
}

// Secret is what only a private task's client knows: the input and the
// blinding r. It never leaves the process except inside envelopes.
type Secret struct {
	Input []int64
	R     fr.Element
}

// NewSecret draws a fresh blinding for input.
func NewSecret(input []int64) (Secret, error) {
	r, err := private.NewBlinding()
	if err != nil {
		return Secret{}, err
	}
	return Secret{Input: input, R: r}, nil
}

// selfInfo binds a client's note to itself. Its task id is 0: the router
// assigns the id only when the task is submitted, after the note is sealed;
// the note is bound to the chain and the client, and only that client's key
// opens it.
func selfInfo(chainID, creator string) private.Info {
	return private.Info{ChainID: chainID, TaskID: 0, Worker: creator, Purpose: private.PurposeInputToSelf}
}

// Seal returns what a private task is submitted with: the hiding commitment
// to the input under version's input scheme, and the secret sealed to key.
func (s Secret) Seal(key *private.KeyPair, chainID, creator string, version modeltypes.ModelVersion) (commitment, self []byte, err error) {
	commitment, err = verifier.HidingInputOf(s.Input, version.InputScheme(), s.R)
	if err != nil {
		return nil, nil, err
	}
	self, err = private.SealInput(key.PublicKey(), selfInfo(chainID, creator), s.Input, s.R)
	if err != nil {
		return nil, nil, err
	}
	return commitment, self, nil
}

// ForWorker seals the secret to the key of the worker that holds task's
// claim, bound to this task and worker: the ciphertext of MsgPostInput.
func (s Secret) ForWorker(chainID string, task tptypes.Task) ([]byte, error) {
	return private.SealInput(task.WorkerKey, private.Info{
		ChainID: chainID, TaskID: task.Id, Worker: task.Worker, Purpose: private.PurposeInputToWorker,
	}, s.Input, s.R)
}

// OpenSelf reads a private task's secret back from its self_ciphertext and
// checks it against the task's commitment, so that a restarted client posts
// exactly what it committed to.
func OpenSelf(key *private.KeyPair, chainID string, task tptypes.Task, version modeltypes.ModelVersion) (Secret, error) {
	if !task.Private {
		return Secret{}, fmt.Errorf("task %d is public: its input is on chain", task.Id)
	}
	input, r, err := key.OpenInput(task.SelfCiphertext, selfInfo(chainID, task.Creator))
	if err != nil {
		return Secret{}, fmt.Errorf("task %d: its self_ciphertext does not open with this home's key (%s): %w", task.Id, ClientKeyFile, err)
	}
	s := Secret{Input: input, R: r}
	c, err := verifier.HidingInputOf(input, version.InputScheme(), r)
	if err != nil {
		return Secret{}, fmt.Errorf("task %d: %w", task.Id, err)
	}
	if !bytes.Equal(c, task.InputCommitment) {
		return Secret{}, fmt.Errorf("task %d: the input in its self_ciphertext does not match its input commitment", task.Id)
	}
	return s, nil
}
