package keeper

import (
	"context"
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/router/types"
)

// autoPoolClaimTimeout is the claim timeout of the pools RouteTask creates,
// clamped to the bounds of x/taskpool's params: long enough to prove any
// bundled model many times over, short enough that a vanished worker does not
// hold a task for long.
const autoPoolClaimTimeout = 5 * time.Minute

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name.
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/router.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}

// RouteTask submits a task to the model's least-loaded routable pool (active
// and open to every worker, whatever its reputation) whose claim timeout is
// shorter than the time left before the task's deadline, creating one first
// when the model has no routable pool. Pools that ask for a minimum
// reputation never receive routed tasks, and a task goes only where it can be
// claimed (x/taskpool refuses claims with less than the claim timeout left),
// so a routed task always lands where any worker able to claim can claim it;
// a deadline no routable pool can take is refused, and nothing moves.
// x/taskpool validates the task itself (input schema, reward, deadline) and
// escrows the reward.
func (s msgServer) RouteTask(ctx context.Context, msg *types.MsgRouteTask) (*types.MsgRouteTaskResponse, error) {
	k := s.k
	creator, _, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err // again here, for messages that arrive through authz
	}
	model, err := k.models.GetModel(ctx, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if !model.Active {
		return nil, errorsmod.Wrapf(types.ErrModelInactive, "model %d", msg.ModelId)
	}
	version, err := k.models.GetModelVersion(ctx, model.Id, model.Version)
	if err != nil {
		return nil, err
	}
	if err := version.CheckTakesTasks(); err != nil {
		return nil, err // before a pool is opened for a model that takes no tasks
	}
	poolID, created, err := k.routePool(ctx, msg.ModelId, msg.Deadline)
	if err != nil {
		return nil, err
	}
	var taskID uint64
	if msg.Private {
		taskID, err = k.taskpool.SubmitPrivateTask(ctx, creator, poolID, msg.InputCommitment, msg.SelfCiphertext, msg.Reward, msg.Deadline)
	} else {
		taskID, err = k.taskpool.SubmitTask(ctx, creator, poolID, msg.Input, msg.InputEncoding, msg.Reward, msg.Deadline)
	}
	if err != nil {
		return nil, err
	}
	return &types.MsgRouteTaskResponse{TaskId: taskID, PoolId: poolID, PoolCreated: created},
		sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTaskRouted{
			TaskId: taskID, ModelId: msg.ModelId, PoolId: poolID, PoolCreated: created,
		})
}

// routePool picks the pool for a model's next task, due at deadline,
// creating a routable one if the model has none.
func (k Keeper) routePool(ctx context.Context, modelID uint64, deadline time.Time) (poolID uint64, created bool, err error) {
	ttl := deadline.Sub(sdk.UnwrapSDKContext(ctx).BlockTime())
	pool, found, err := k.taskpool.LeastLoadedPool(ctx, modelID, ttl)
	if err != nil || found {
		return pool.Id, false, err
	}
	routable, err := k.taskpool.HasRoutablePool(ctx, modelID)
	if err != nil {
		return 0, false, err
	}
	if routable {
		return 0, false, errorsmod.Wrapf(types.ErrNoRoutablePool,
			"no pool of model %d that every worker may use has a claim timeout shorter than the %s left before the deadline, among the least loaded: set a later deadline", modelID, ttl)
	}
	params, err := k.taskpool.GetParams(ctx)
	if err != nil {
		return 0, false, err
	}
	timeout := min(max(autoPoolClaimTimeout, params.MinClaimTimeout), params.MaxClaimTimeout)
	if ttl <= timeout {
		return 0, false, errorsmod.Wrapf(types.ErrNoRoutablePool,
			"model %d has no pool yet and the one the router opens has %s claims: the deadline must be more than that away, not %s", modelID, timeout, ttl)
	}
	poolID, err = k.taskpool.CreatePool(ctx, poolCreator(), fmt.Sprintf("model-%d", modelID), modelID, timeout, 0)
	return poolID, true, err
}

// ClaimBest claims for the signer up to msg.Count tasks (0: one), best
// first, within its constraints: the model versions it can prove and the
// claim timeout it needs; private tasks only with an encryption key. The
// response describes the first and lists all.
func (s msgServer) ClaimBest(ctx context.Context, msg *types.MsgClaimBest) (*types.MsgClaimBestResponse, error) {
	worker, _, err := keeperutil.DecodeAddress(s.k.addressCodec, types.ErrInvalidAddress, "worker", msg.Worker)
	if err != nil {
		return nil, err
	}
	want, err := claimFilter(msg)
	if err != nil {
		return nil, err
	}
	tasks, err := s.k.ClaimBest(ctx, worker, want, msg.Count)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.Id
	}
	first := tasks[0]
	return &types.MsgClaimBestResponse{TaskId: first.Id, PoolId: first.PoolId, Reward: first.Reward, TaskIds: ids}, nil
}
