package client_test

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/client"
	"github.com/hyra-network/hyra/testutil/apptest"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tpkeeper "github.com/hyra-network/hyra/x/taskpool/keeper"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/private"
	"github.com/hyra-network/hyra/zk/zktest"
)

func hyra(n int64) sdk.Coin { return sdk.NewInt64Coin("uhyra", n*1_000_000) }

// privateChain is the real app with the private-capable digits model, one
// pool, two bonded workers and a client with its envelope key.
type privateChain struct {
	*apptest.Env
	k            tpkeeper.Keeper
	art          *artifact.Artifact
	provePrivate zktest.PrivateProveFunc
	version      mrtypes.ModelVersion
	poolID       uint64

	user, worker, worker2 sdk.AccAddress
	clientKey             *private.KeyPair
}

func newPrivateChain(t *testing.T) *privateChain {
	t.Helper()
	c := &privateChain{
		user:    sdk.AccAddress("user________________"),
		worker:  sdk.AccAddress("worker______________"),
		worker2: sdk.AccAddress("worker_two__________"),
	}
	owner := sdk.AccAddress("model_owner_________")
	c.Env = apptest.Setup(t, &c.k)
	for _, a := range []sdk.AccAddress{owner, c.user, c.worker, c.worker2} {
		c.Fund(a, sdk.NewCoins(hyra(100)))
	}
	art, vk, _, provePrivate := zktest.DigitsPrivate(t)
	a, err := artifact.Parse(art)
	require.NoError(t, err)
	c.art, c.provePrivate = a, provePrivate
	hash := sha256.Sum256(art)
	c.deliver(&mrtypes.MsgRegisterModel{
		Owner: owner.String(), Name: "digits-private", Description: "8x8 digits, private-capable", Price: hyra(1), PrivatePrice: hyra(3),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, VerifyingKey: vk, Artifact: art, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max}, //nolint:gosec // small
		OutputLength: uint32(a.Output.Length),                                                                           //nolint:gosec // small
	})
	c.version, err = c.Registry.GetModelVersion(c.Ctx, 1, 1)
	require.NoError(t, err)
	res := c.deliver(&tptypes.MsgCreateTaskPool{Creator: owner.String(), Name: "digits", ModelId: 1, ClaimTimeout: time.Minute})
	var pool tptypes.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &pool))
	c.poolID = pool.PoolId
	for _, w := range []sdk.AccAddress{c.worker, c.worker2} {
		c.deliver(&tptypes.MsgRegisterWorker{Worker: w.String()})
		c.deliver(&rewardstypes.MsgBond{Worker: w.String(), Amount: hyra(20)})
	}
	c.clientKey, err = client.LoadClientKey(t.TempDir())
	require.NoError(t, err)
	c.NextBlock(time.Second)
	return c
}

func (c *privateChain) deliver(msg sdk.Msg) *sdk.Result {
	c.T.Helper()
	res, err := c.Deliver(msg)
	require.NoError(c.T, err)
	return res
}

func (c *privateChain) task(id uint64) tptypes.Task {
	c.T.Helper()
	task, err := c.k.GetTask(c.Ctx, id)
	require.NoError(c.T, err)
	return task
}

// submit submits a private task of input the way client infer --private
// does: a fresh secret, sealed to the client's own key.
func (c *privateChain) submit(input []int64) (uint64, client.Secret) {
	c.T.Helper()
	secret, err := client.NewSecret(input)
	require.NoError(c.T, err)
	commitment, self, err := secret.Seal(c.clientKey, c.Ctx.ChainID(), c.user.String(), c.version)
	require.NoError(c.T, err)
	res := c.deliver(&tptypes.MsgSubmitTask{
		Creator: c.user.String(), PoolId: c.poolID, Reward: hyra(3), Deadline: c.Ctx.BlockTime().Add(time.Hour),
		Private: true, InputCommitment: commitment, SelfCiphertext: self,
	})
	var out tptypes.MsgSubmitTaskResponse
	require.NoError(c.T, gogoproto.Unmarshal(res.MsgResponses[0].Value, &out))
	return out.TaskId, secret
}

// step runs the follower on the task as the chain holds it and delivers
// its post, if any; it returns the notes' kinds.
func (c *privateChain) step(f *client.PrivateFollower) (posted bool, kinds []string) {
	c.T.Helper()
	return c.stepDelivering(f, true)
}

// stepDelivering is step, with the post delivered only if deliver (the
// client may go away before its transaction lands).
func (c *privateChain) stepDelivering(f *client.PrivateFollower, deliver bool) (posted bool, kinds []string) {
	c.T.Helper()
	post, notes, err := f.Step(c.user.String(), c.task(f.TaskID))
	require.NoError(c.T, err)
	for _, n := range notes {
		kinds = append(kinds, n.Kind)
	}
	if post != nil && deliver {
		c.deliver(post)
	}
	return post != nil, kinds
}

func (c *privateChain) openAs(key *private.KeyPair, id uint64, worker sdk.AccAddress) ([]int64, error) {
	task := c.task(id)
	input, _, err := key.OpenInput(task.InputCiphertext, private.Info{
		ChainID: c.Ctx.ChainID(), TaskID: id, Worker: worker.String(), Purpose: private.PurposeInputToWorker,
	})
	return input, err
}
