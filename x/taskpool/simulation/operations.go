package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/keeper"
	"github.com/hyra-network/hyra/x/taskpool/types"
)

// ProveFunc proves a task's result off chain, as a worker does: it returns the
// encoded output and the proof for (chain id, task id, worker, input) under
// a model version, input being the task's input decoded with its encoding.
// ok is false when it holds no proving key for the version.
type ProveFunc func(version mrtypes.ModelVersion, chainID string, taskID uint64, worker sdk.AccAddress, input []int64) (output, proof []byte, ok bool, err error)

// RandomModelFunc returns a random registered model; ok is false when there
// is none. x/modelregistry's simulation provides it.
type RandomModelFunc func(ctx context.Context, r *simsx.XRand) (mrtypes.Model, bool)

// Deps are what the module's factories need besides its keeper: reads of
// x/modelregistry, and the worker's prover.
type Deps struct {
	Keeper      keeper.Keeper
	Models      types.ModelRegistryKeeper
	RandomModel RandomModelFunc
	Prove       ProveFunc
}

// WeightedOperationsX registers a factory for every message of the module
// but MsgUpdateParams (a proposal: see MsgUpdateParamsFactory). Results are
// weighted high so that most claims complete before they lapse.
func WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry, d Deps) {
	reg.Add(weights.Get("msg_create_task_pool", 10), MsgCreateTaskPoolFactory(d))
	reg.Add(weights.Get("msg_set_pool_active", 3), MsgSetPoolActiveFactory(d.Keeper))
	reg.Add(weights.Get("msg_submit_task", 60), MsgSubmitTaskFactory(d))
	reg.Add(weights.Get("msg_cancel_task", 10), MsgCancelTaskFactory(d.Keeper))
	reg.Add(weights.Get("msg_register_worker", 20), MsgRegisterWorkerFactory(d.Keeper))
	reg.Add(weights.Get("msg_deactivate_worker", 3), MsgDeactivateWorkerFactory(d.Keeper))
	reg.Add(weights.Get("msg_claim_task", 50), MsgClaimTaskFactory(d.Keeper))
	reg.Add(weights.Get("msg_release_claim", 5), MsgReleaseClaimFactory(d.Keeper))
	reg.Add(weights.Get("msg_submit_result", 60), MsgSubmitResultFactory(d))
}
