package precheck

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	routertypes "github.com/hyra-network/hyra/x/router/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// maxExecDepth bounds the authz MsgExec nesting the precheck follows.
const maxExecDepth = 4

// cheap are the messages the precheck runs: each handler reads and writes a
// bounded number of keys (indexes, never scans) and moves coins, and does no
// cryptography but a claim's one X25519 key check (charged as gas before it
// runs, types.EncryptionKeyCheckGas), so running it in CheckTx costs about
// what the ante handler does.
var cheap = map[string]bool{
	sdk.MsgTypeURL(&mrtypes.MsgUpdateModelPrice{}):       true,
	sdk.MsgTypeURL(&mrtypes.MsgSetModelActive{}):         true,
	sdk.MsgTypeURL(&mrtypes.MsgTransferModelOwnership{}): true,
	sdk.MsgTypeURL(&mrtypes.MsgUpdateParams{}):           true,
	sdk.MsgTypeURL(&mrtypes.MsgRetireVersion{}):          true,
	sdk.MsgTypeURL(&tptypes.MsgCreateTaskPool{}):         true,
	sdk.MsgTypeURL(&tptypes.MsgSetPoolActive{}):          true,
	sdk.MsgTypeURL(&tptypes.MsgSubmitTask{}):             true,
	sdk.MsgTypeURL(&tptypes.MsgCancelTask{}):             true,
	sdk.MsgTypeURL(&tptypes.MsgClaimTask{}):              true,
	sdk.MsgTypeURL(&tptypes.MsgRegisterWorker{}):         true,
	sdk.MsgTypeURL(&tptypes.MsgDeactivateWorker{}):       true,
	sdk.MsgTypeURL(&tptypes.MsgReleaseClaim{}):           true,
	sdk.MsgTypeURL(&tptypes.MsgRetryRefund{}):            true,
	sdk.MsgTypeURL(&tptypes.MsgPostInput{}):              true,
	sdk.MsgTypeURL(&tptypes.MsgRejectInput{}):            true,
	sdk.MsgTypeURL(&tptypes.MsgUpdateParams{}):           true,
	sdk.MsgTypeURL(&routertypes.MsgRouteTask{}):          true,
	sdk.MsgTypeURL(&routertypes.MsgClaimBest{}):          true,
	sdk.MsgTypeURL(&rewardstypes.MsgBond{}):              true,
	sdk.MsgTypeURL(&rewardstypes.MsgUnbond{}):            true,
	sdk.MsgTypeURL(&rewardstypes.MsgFundRewardPool{}):    true,
	sdk.MsgTypeURL(&rewardstypes.MsgUpdateParams{}):      true,
}

// Skipped are the hyra messages the precheck does not run, and why: CheckTx
// refuses for free, so it must not do for free what a block charges for.
var Skipped = map[string]string{
	sdk.MsgTypeURL(&mrtypes.MsgRegisterModel{}):   "parses the artifact and decodes the verifying key (elliptic-curve work)",
	sdk.MsgTypeURL(&mrtypes.MsgUpdateModel{}):     "parses the artifact and decodes the verifying key (elliptic-curve work)",
	sdk.MsgTypeURL(&mrtypes.MsgBeginSetup{}):      "builds a trial verifying key from the proposed K points (elliptic-curve work)",
	sdk.MsgTypeURL(&mrtypes.MsgContributeSetup{}): "checks the contribution's proof of knowledge (pairings)",
	sdk.MsgTypeURL(&mrtypes.MsgFinalizeSetup{}):   "builds the verifying key (elliptic-curve work)",
	sdk.MsgTypeURL(&tptypes.MsgSubmitResult{}):    "verifies a proof: app/preverify checks results",
}

// Prechecked reports whether the precheck runs msg: a cheap hyra message, or
// an authz MsgExec of such messages only (its handler checks the grants and
// runs them through the same router).
func Prechecked(msg sdk.Msg) bool { return prechecked(msg, 0) }

func prechecked(msg sdk.Msg, depth int) bool {
	exec, ok := msg.(*authz.MsgExec)
	if !ok {
		return cheap[sdk.MsgTypeURL(msg)]
	}
	inner, err := exec.GetMessages()
	if err != nil || len(inner) == 0 || depth >= maxExecDepth {
		return false
	}
	for _, m := range inner {
		if !prechecked(m, depth+1) {
			return false
		}
	}
	return true
}
