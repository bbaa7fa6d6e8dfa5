package adversarial

import (
	"reflect"
	"testing"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/vector"
)

// FuzzMsgs decodes arbitrary bytes as each message of the four Hyra modules
// (and as an authz MsgExec, whose inner messages are decoded as the tx
// decoder does), then runs ValidateBasic and the app's handler in a branch
// of a state with a model, a pool, bonded workers, an open and a claimed
// task. Nothing may panic, and the escrow invariant must hold in the branch
// whatever the handler did. The seeds are a valid message of each kind and
// its empty encoding.
func FuzzMsgs(f *testing.F) {
	fx := newFixture(f)
	open, claimed := fx.submit(), fx.submit()
	fx.claim(fx.worker, claimed)
	fx.grant(fx.worker, fx.grantee, &tptypes.MsgClaimTask{})
	seeds := fx.validMsgs(open, claimed)
	for i, msg := range seeds {
		bz, err := gogoproto.Marshal(msg)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), bz)
		f.Add(uint8(i), []byte{})
	}
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) {
		msg := reflect.New(reflect.TypeOf(seeds[int(kind)%len(seeds)]).Elem()).Interface().(sdk.Msg)
		if err := gogoproto.Unmarshal(bz, msg); err != nil {
			return
		}
		if err := codectypes.UnpackInterfaces(msg, fx.registry); err != nil {
			return
		}
		if m, ok := msg.(sdk.HasValidateBasic); ok {
			_ = m.ValidateBasic()
		}
		handler := fx.App.MsgServiceRouter().Handler(msg)
		if handler == nil {
			t.Fatalf("no handler for %T", msg)
		}
		branch, _ := fx.Ctx.CacheContext()
		_, _ = handler(branch, msg)
		if err := fx.tp.CheckEscrowInvariant(branch); err != nil {
			t.Fatalf("%T broke the escrow invariant: %v", msg, err)
		}
	})
}

// validMsgs is a valid message of every kind the fuzzer decodes, about the
// fixture's model, pool and the given open and claimed tasks.
func (f *fixture) validMsgs(open, claimed uint64) []sdk.Msg {
	gov := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	reg := f.registerMsg(hyra(1))
	input, deadline := vector.Encode(f.input), f.Ctx.BlockTime().Add(time.Hour)
	compact, encoding := tptypes.EncodeCompact(f.input) // the router's seed carries input_encoding
	return []sdk.Msg{
		reg,
		&mrtypes.MsgUpdateModelPrice{Owner: f.owner.String(), Id: f.modelID, Price: hyra(2)},
		&mrtypes.MsgUpdateModel{
			Owner: f.owner.String(), Id: f.modelID, ProofSystem: reg.ProofSystem, VerifyingKey: reg.VerifyingKey,
			Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
		},
		&mrtypes.MsgSetModelActive{Owner: f.owner.String(), Id: f.modelID},
		&mrtypes.MsgTransferModelOwnership{Owner: f.owner.String(), Id: f.modelID, NewOwner: f.user.String()},
		&mrtypes.MsgUpdateParams{Authority: gov, Params: mrtypes.DefaultParams()},
		&tptypes.MsgCreateTaskPool{Creator: f.owner.String(), Name: "p", ModelId: f.modelID, ClaimTimeout: time.Minute},
		&tptypes.MsgSetPoolActive{Creator: f.owner.String(), PoolId: f.poolID},
		&tptypes.MsgSubmitTask{Creator: f.user.String(), PoolId: f.poolID, Input: input, Reward: hyra(1), Deadline: deadline},
		&tptypes.MsgCancelTask{Creator: f.user.String(), TaskId: open},
		&tptypes.MsgClaimTask{Worker: f.worker2.String(), PoolId: f.poolID, TaskId: open},
		f.honestResult(f.worker, claimed),
		&tptypes.MsgRegisterWorker{Worker: f.user.String()},
		&tptypes.MsgDeactivateWorker{Worker: f.worker.String()},
		&tptypes.MsgUpdateParams{Authority: gov, Params: tptypes.DefaultParams()},
		&rewardstypes.MsgBond{Worker: f.worker.String(), Amount: hyra(1)},
		&rewardstypes.MsgUnbond{Worker: f.worker.String(), Amount: hyra(1)},
		&rewardstypes.MsgFundRewardPool{Funder: f.user.String(), Amount: hyra(1)},
		&rewardstypes.MsgUpdateParams{Authority: gov, Params: rewardstypes.DefaultParams()},
		&routertypes.MsgRouteTask{Creator: f.user.String(), ModelId: f.modelID, Input: compact, InputEncoding: encoding, Reward: hyra(1), Deadline: deadline},
		&routertypes.MsgClaimBest{Worker: f.worker2.String()},
		exec(f.grantee, &tptypes.MsgClaimTask{Worker: f.worker.String(), PoolId: f.poolID, TaskId: open}),
	}
}
