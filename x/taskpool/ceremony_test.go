package taskpool_test

import (
	"crypto/sha256"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	mrtestutil "github.com/hyra-network/hyra/x/modelregistry/testutil"
	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
	"github.com/hyra-network/hyra/zk/prover"
	"github.com/hyra-network/hyra/zk/vector"
	"github.com/hyra-network/hyra/zk/zktest"
)

// irisWithoutKey is the iris model's registration without a verifying key.
func irisWithoutKey(t *testing.T, owner sdk.AccAddress) *mrtypes.MsgRegisterModel {
	t.Helper()
	a, err := artifact.Parse(models.IrisArtifact)
	require.NoError(t, err)
	hash := sha256.Sum256(models.IrisArtifact)
	return &mrtypes.MsgRegisterModel{
		Owner: owner.String(), Name: "iris", Description: "iris classifier", Price: hyra(1),
		ProofSystem: mrtypes.PROOF_SYSTEM_GROTH16, Artifact: models.IrisArtifact, ArtifactHash: hash[:],
		InputSchema:  mrtypes.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	}
}

// TestCeremonyOnTheRealAppSettlesATask runs the owner's flow on the real app
// with single-party keys refused: register the artifact (PENDING: no task),
// a three-party setup (the owner, a plain account and a bonded worker),
// finalization, then a task settled with a proof from the setup's proving
// key. Neither a key from another circuit nor the bundled single-party iris
// key can be registered, and a proof from the single-party setup of the same
// artifact does not settle a task of the ceremony's version: whoever ran that
// setup cannot forge results for it.
func TestCeremonyOnTheRealAppSettlesATask(t *testing.T) {
	var k keeper.Keeper
	env := apptest.Setup(t, &k)
	env.SetSinglePartyKeys(false)
	owner, user := sdk.AccAddress("model_owner_________"), sdk.AccAddress("user________________")
	plain, worker := sdk.AccAddress("contributor_________"), sdk.AccAddress("worker______________")
	for _, a := range []sdk.AccAddress{owner, user, plain, worker} {
		env.Fund(a, sdk.NewCoins(hyra(100)))
	}
	deliver := func(msg sdk.Msg) *sdk.Result {
		t.Helper()
		res, err := env.Deliver(msg)
		require.NoError(t, err)
		return res
	}

	// Keys the owner made alone are refused: another circuit's, or a
	// single-party setup of this very artifact.
	_, digitsVK, _ := zktest.Digits(t)
	_, irisVK, singlePartyProve := zktest.Iris(t)
	for name, vk := range map[string][]byte{"another circuit's key": digitsVK, "a single-party key": irisVK} {
		msg := irisWithoutKey(t, owner)
		msg.VerifyingKey = vk
		_, err := env.Deliver(msg)
		require.ErrorIs(t, err, mrtypes.ErrSinglePartyKey, name)
	}

	ceremony, err := mrtestutil.NewCeremony(models.IrisArtifact)
	require.NoError(t, err)
	params, err := env.Registry.Params.Get(env.Ctx)
	require.NoError(t, err)
	params.SetupAnchor = ceremony.Anchor
	require.NoError(t, env.Registry.Params.Set(env.Ctx, params))

	deliver(irisWithoutKey(t, owner))
	res := deliver(&types.MsgCreateTaskPool{Creator: owner.String(), Name: "iris", ModelId: 1, ClaimTimeout: time.Minute})
	var pool types.MsgCreateTaskPoolResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &pool))
	deliver(&types.MsgRegisterWorker{Worker: worker.String()})
	deliver(&rewardstypes.MsgBond{Worker: worker.String(), Amount: hyra(20)})
	input := zktest.IrisInputs(t)[0]
	submit := &types.MsgSubmitTask{
		Creator: user.String(), PoolId: pool.PoolId, Input: vector.Encode(input), Reward: hyra(2),
		Deadline: env.Ctx.BlockTime().Add(time.Hour),
	}
	_, err = env.Deliver(submit)
	require.ErrorIs(t, err, mrtypes.ErrSetupPending, "no task before the setup is finalized")
	_, err = env.Deliver(&routertypes.MsgRouteTask{Creator: user.String(), ModelId: 1, Input: submit.Input, Reward: submit.Reward, Deadline: submit.Deadline})
	require.ErrorIs(t, err, mrtypes.ErrSetupPending, "nor through the router")
	env.NextBlock(time.Second)

	deliver(ceremony.BeginMsg(owner.String(), 1, 1))
	for _, who := range []sdk.AccAddress{owner, plain, worker} {
		msg, err := ceremony.Contribute(who.String(), 1, 1)
		require.NoError(t, err)
		deliver(msg)
		env.NextBlock(time.Second)
	}
	beacon := sha256.Sum256([]byte("the finalizing block's header"))
	env.Ctx = env.Ctx.WithHeaderHash(beacon[:]) // FinalizeBlock sets it from the block
	deliver(&mrtypes.MsgFinalizeSetup{Owner: owner.String(), ModelId: 1, Version: 1})
	version, err := env.Registry.GetModelVersion(env.Ctx, 1, 1)
	require.NoError(t, err)
	require.Equal(t, mrtypes.SETUP_STATUS_CEREMONY, version.SetupStatus)
	require.Equal(t, uint32(1), version.SetupIndependent, "the bonded worker")
	env.NextBlock(time.Second)

	provingKey, vk, err := ceremony.Keys(beacon[:])
	require.NoError(t, err)
	require.Equal(t, vk, version.VerifyingKey)
	p, err := prover.New(models.IrisArtifact, provingKey, vk)
	require.NoError(t, err)

	submit.Deadline = env.Ctx.BlockTime().Add(time.Hour)
	res = deliver(submit)
	var task types.MsgSubmitTaskResponse
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &task))
	deliver(&types.MsgClaimTask{Worker: worker.String(), PoolId: pool.PoolId, TaskId: task.TaskId})

	// A proof from the single-party setup of the same artifact is refused.
	forgedOut, forgedProof := singlePartyProve(env.Ctx.ChainID(), task.TaskId, worker, input)
	_, err = env.Deliver(&types.MsgSubmitResult{Worker: worker.String(), TaskId: task.TaskId, Output: forgedOut, Proof: forgedProof})
	require.ErrorContains(t, err, "invalid proof")

	out, proof, err := p.Prove(env.Ctx.ChainID(), task.TaskId, worker, input)
	require.NoError(t, err)
	deliver(&types.MsgSubmitResult{Worker: worker.String(), TaskId: task.TaskId, Output: vector.Encode(out), Proof: proof})
	settled, err := k.GetTask(env.Ctx, task.TaskId)
	require.NoError(t, err)
	require.Equal(t, types.TASK_STATUS_COMPLETED, settled.Status)
	env.NextBlock(time.Second)

	// Governance retires the version: no new task, by either path; a task
	// already claimed still settles.
	submit.Deadline = env.Ctx.BlockTime().Add(time.Hour)
	res = deliver(submit)
	require.NoError(t, gogoproto.Unmarshal(res.MsgResponses[0].Value, &task))
	deliver(&types.MsgClaimTask{Worker: worker.String(), PoolId: pool.PoolId, TaskId: task.TaskId})
	deliver(&mrtypes.MsgRetireVersion{Authority: env.Registry.GetAuthority(), ModelId: 1, Version: 1})
	out, proof, err = p.Prove(env.Ctx.ChainID(), task.TaskId, worker, input)
	require.NoError(t, err)
	deliver(&types.MsgSubmitResult{Worker: worker.String(), TaskId: task.TaskId, Output: vector.Encode(out), Proof: proof})
	settled, err = k.GetTask(env.Ctx, task.TaskId)
	require.NoError(t, err)
	require.Equal(t, types.TASK_STATUS_COMPLETED, settled.Status)
	_, err = env.Deliver(submit)
	require.ErrorIs(t, err, mrtypes.ErrVersionRetired)
	_, err = env.Deliver(&routertypes.MsgRouteTask{Creator: user.String(), ModelId: 1, Input: submit.Input, Reward: submit.Reward, Deadline: submit.Deadline})
	require.ErrorIs(t, err, mrtypes.ErrVersionRetired)
}
