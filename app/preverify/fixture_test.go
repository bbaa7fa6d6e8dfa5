package preverify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"

	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// source is a StatementSource over a fixed table of tasks, standing in for
// the x/taskpool keeper (whose ResultStatement has its own tests).
type source struct {
	vk    []byte
	tasks map[uint64]verifier.Statement // by task id; the output comes from the message
	panic bool
	calls int
}

func (s *source) ResultStatement(_ context.Context, msg *tptypes.MsgSubmitResult) (verifier.Statement, []byte, error) {
	s.calls++
	if s.panic {
		panic("source broke")
	}
	st, ok := s.tasks[msg.TaskId]
	if !ok {
		return verifier.Statement{}, nil, fmt.Errorf("task %d is not claimed", msg.TaskId)
	}
	st.Output = msg.Output
	return st, s.vk, nil
}

// env has iris tasks 1..n, each with a valid result message, and a new
// verifier.
type env struct {
	t      *testing.T
	src    *source
	proofs *verifier.Verifier         // the node's verifier, new (cold) for each env
	valid  []*tptypes.MsgSubmitResult // valid[i] is for task i+1
	worker []byte
}

func newEnv(t *testing.T, chainID string, n int) *env {
	t.Helper()
	_, vk, prove := zktest.Iris(t)
	e := &env{t: t, src: &source{vk: vk, tasks: map[uint64]verifier.Statement{}}, proofs: verifier.New(), worker: bytes.Repeat([]byte{7}, 20)}
	inputs := zktest.IrisInputs(t)
	for i := range n {
		id := uint64(i + 1)
		in := inputs[i%len(inputs)]
		out, proof := prove(chainID, id, e.worker, in)
		e.src.tasks[id] = verifier.Statement{ChainID: chainID, TaskID: id, Worker: e.worker, InputCommitment: zktest.InputCommitment(t, in)}
		e.valid = append(e.valid, &tptypes.MsgSubmitResult{Worker: "w", TaskId: id, Output: out, Proof: proof})
	}
	return e
}

// invalid is task id's result with a proof made for another task.
func (e *env) invalid(id uint64) *tptypes.MsgSubmitResult {
	other := e.valid[int(id)%len(e.valid)]
	return &tptypes.MsgSubmitResult{Worker: "w", TaskId: id, Output: e.valid[id-1].Output, Proof: other.Proof}
}

// cached reports whether msg's proof is in the verified-proof cache: Verify
// of it is a hit.
func (e *env) cached(msg *tptypes.MsgSubmitResult) bool {
	e.t.Helper()
	st, vk, err := e.src.ResultStatement(context.Background(), msg)
	require.NoError(e.t, err)
	e.src.calls--
	hits, _, _ := e.proofs.CacheStats()
	err = e.proofs.Verify(vk, msg.Proof, st)
	after, _, _ := e.proofs.CacheStats()
	return err == nil && after > hits
}

// cachedNoFill reports whether msg's proof is in the verified-proof cache,
// without verifying it.
func (e *env) cachedNoFill(msg *tptypes.MsgSubmitResult) bool {
	st, vk, err := e.src.ResultStatement(context.Background(), msg)
	require.NoError(e.t, err)
	e.src.calls--
	return e.proofs.Cached(vk, msg.Proof, st)
}

// ctx is a context on an empty store in mode.
func ctx(t *testing.T, mode sdk.ExecMode) sdk.Context {
	t.Helper()
	key := storetypes.NewKVStoreKey("test")
	c := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx
	return c.WithExecMode(mode).WithLogger(log.NewNopLogger()).WithGasMeter(storetypes.NewGasMeter(1_000_000))
}

// tx is a transaction of msgs.
type tx struct{ msgs []sdk.Msg }

func (t tx) GetMsgs() []sdk.Msg                    { return t.msgs }
func (t tx) GetMsgsV2() ([]protov2.Message, error) { return nil, errors.New("not needed") }

func exec(msgs ...sdk.Msg) *authz.MsgExec {
	m := authz.NewMsgExec(sdk.AccAddress(bytes.Repeat([]byte{1}, 20)), msgs)
	return &m
}

// decoder decodes the test's "tx bytes", which index txs.
func decoder(txs []sdk.Tx) sdk.TxDecoder {
	return func(bz []byte) (sdk.Tx, error) {
		if len(bz) != 1 || int(bz[0]) >= len(txs) {
			return nil, errors.New("undecodable")
		}
		return txs[bz[0]], nil
	}
}
