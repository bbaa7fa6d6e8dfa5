package worker

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/setup"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/verifier"
	"github.com/hyra-network/hyra/zk/zktest"
)

// appConn answers the worker's gRPC queries from the real app in-process, at
// the current block of env.
type appConn struct{ env *apptest.Env }

func (c appConn) Invoke(ctx context.Context, method string, args, reply any, opts ...grpc.CallOption) error {
	h := &baseapp.QueryServiceTestHelper{GRPCQueryRouter: c.env.App.GRPCQueryRouter(), Ctx: c.env.Ctx}
	return h.Invoke(ctx, method, args, reply, opts...)
}

func (appConn) NewStream(context.Context, *grpc.StreamDesc, string, ...grpc.CallOption) (grpc.ClientStream, error) {
	panic("no streams")
}

// privateChain is the real app with the private-capable digits model
// registered (price 1 hyra, private price 3), a pool, a bonded worker, and a
// worker daemon for that account whose queries go to the app.
type privateChain struct {
	*apptest.Env
	art           *artifact.Artifact
	pool          uint64
	user, account sdk.AccAddress
	w             *Worker
	logs          *bytes.Buffer
	image         []int64
}

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

func newPrivateChain(t *testing.T) *privateChain {
	t.Helper()
	c := &privateChain{user: sdk.AccAddress("user________________"), account: sdk.AccAddress("worker______________")}
	var k tpkeeper.Keeper
	c.Env = apptest.Setup(t, &k)
	// Room for a private task waiting for its input and others.
	params, err := k.Params.Get(c.Ctx)
	require.NoError(t, err)
	params.MaxActiveTasks = 4
	require.NoError(t, k.Params.Set(c.Ctx, params))
	owner := sdk.AccAddress("model_owner_________")
	for _, a := range []sdk.AccAddress{owner, c.user, c.account} {
		c.Fund(a, sdk.NewCoins(hyra(100)))
	}
	c.art, err = artifact.Parse(models.DigitsPrivateArtifact)
	require.NoError(t, err)
	keys, err := setup.Generate(c.art, io.Discard)
	require.NoError(t, err)
	hash := sha256.Sum256(models.DigitsPrivateArtifact)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: owner.String(), Name: "digits-private", Description: "8x8 digits, private-capable", Price: hyra(1), PrivatePrice: hyra(3),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: keys.VerifyingKey, Artifact: models.DigitsPrivateArtifact, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(c.art.Input.Length), MinValue: c.art.Input.Min, MaxValue: c.art.Input.Max}, //nolint:gosec // small
		OutputLength: uint32(c.art.Output.Length),                                                                                   //nolint:gosec // small
	})
	var pool tptypes.MsgCreateTaskPoolResponse
	c.decode(c.deliver(&tptypes.MsgCreateTaskPool{Creator: owner.String(), Name: "digits", ModelId: 1, ClaimTimeout: time.Minute}), &pool)
	c.pool = pool.PoolId
	c.deliver(&tptypes.MsgRegisterWorker{Worker: c.account.String()})
	c.deliver(&rewardstypes.MsgBond{Worker: c.account.String(), Amount: hyra(20)})
	c.NextBlock(time.Second)
	c.image = zktest.DigitsInputs(t)[0]

	keysDir := t.TempDir()
	putKey(t, keysDir, models.DigitsPrivateArtifact, keys.ProvingKey)
	c.logs = &bytes.Buffer{}
	log := slog.New(slog.NewTextHandler(c.logs, nil))
	conn := appConn{c.Env}
	cfg := Config{KeysDir: keysDir, Private: true}
	require.NoError(t, cfg.Validate())
	chain := &chain{models: mrtypes.NewQueryClient(conn), tasks: tptypes.NewQueryClient(conn)}
	c.w = &Worker{
		cfg: cfg, log: log, addr: c.account, chainID: c.Ctx.ChainID(), chain: chain,
		provers: newProvers(chain.models, keysDir, log), givenUp: map[uint64]string{}, rejections: map[uint64]int{},
		metrics: newDaemonMetrics(), awaiting: map[uint64]time.Time{}, claimTimes: map[uint64]time.Duration{},
	}
	require.NoError(t, c.w.loadEncryptionKey())
	return c
}

func (c *privateChain) deliver(msg sdk.Msg) *sdk.Result {
	c.T.Helper()
	res, err := c.Deliver(msg)
	require.NoError(c.T, err)
	return res
}

func (c *privateChain) decode(res *sdk.Result, out gogoproto.Message) {
	c.T.Helper()
	require.NoError(c.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, out))
}

// task reads a task as the worker does, through its query client.
func (c *privateChain) task(id uint64) tptypes.Task {
	c.T.Helper()
	t, err := c.w.chain.task(context.Background(), id)
	require.NoError(c.T, err)
	return t
}

// clientTask is a private task as `client infer --private` makes it: its
// input and blinding stay with the client.
type clientTask struct {
	id    uint64
	input []int64
	r     fr.Element
}

// submitPrivate submits a private task of input from the user.
func (c *privateChain) submitPrivate(input []int64) clientTask {
	c.T.Helper()
	r, err := private.NewBlinding()
	require.NoError(c.T, err)
	hiding, err := verifier.HidingInputOf(input, c.art.InputScheme(), r)
	require.NoError(c.T, err)
	// The client's copy to itself: the worker never reads it.
	k, err := private.GenerateKey()
	require.NoError(c.T, err)
	self, err := private.SealInput(k.PublicKey(), private.Info{
		ChainID: c.Ctx.ChainID(), TaskID: 1, Worker: c.user.String(), Purpose: private.PurposeInputToSelf,
	}, input, r)
	require.NoError(c.T, err)
	var out tptypes.MsgSubmitTaskResponse
	c.decode(c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.pool, Reward: hyra(3), Deadline: c.Ctx.BlockTime().Add(time.Hour),
		Private: true, InputCommitment: hiding, SelfCiphertext: self,
	}), &out)
	return clientTask{id: out.TaskId, input: input, r: r}
}

// submitPublic submits a public task of input from the user.
func (c *privateChain) submitPublic(input []int64) uint64 {
	c.T.Helper()
	var out tptypes.MsgSubmitTaskResponse
	c.decode(c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.pool, Input: vector.Encode(input), Reward: hyra(1), Deadline: c.Ctx.BlockTime().Add(time.Hour),
	}), &out)
	return out.TaskId
}

// claim claims a task with the message the daemon sends.
func (c *privateChain) claim(id uint64) {
	c.T.Helper()
	c.deliver(&tptypes.MsgClaimTask{Worker: c.account.String(), PoolId: c.pool, TaskId: id, EncryptionKey: c.w.claimKey()})
}

// post posts input and r sealed to the claiming worker's key, for task id
// (which may be another task than the one it is posted to: a replay).
func (c *privateChain) post(to uint64, sealedFor uint64, input []int64, r fr.Element) {
	c.T.Helper()
	ct, err := private.SealInput(c.task(to).WorkerKey, private.Info{
		ChainID: c.Ctx.ChainID(), TaskID: sealedFor, Worker: c.account.String(), Purpose: private.PurposeInputToWorker,
	}, input, r)
	require.NoError(c.T, err)
	c.deliver(&tptypes.MsgPostInput{Creator: c.user.String(), TaskId: to, Ciphertext: ct})
}
