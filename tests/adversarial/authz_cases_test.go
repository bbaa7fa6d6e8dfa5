package adversarial

import (
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// grant lets grantee send msg's type on behalf of granter for an hour.
func (f *fixture) grant(granter, grantee sdk.AccAddress, msg sdk.Msg) {
	f.T.Helper()
	exp := f.Ctx.BlockTime().Add(time.Hour)
	g, err := authz.NewMsgGrant(granter, grantee, authz.NewGenericAuthorization(sdk.MsgTypeURL(msg)), &exp)
	require.NoError(f.T, err)
	f.mustDeliver(g)
}

// exec wraps msgs in a MsgExec of grantee.
func exec(grantee sdk.AccAddress, msgs ...sdk.Msg) sdk.Msg {
	m := authz.NewMsgExec(grantee, msgs)
	return &m
}

// execOversizedProof: a proof one byte too long, which ValidateBasic rejects
// before the ante handler for a top-level message, but which MsgExec carries
// past it; the handler's own size check still applies.
func execOversizedProof(f *fixture) sdk.Msg {
	f.grant(f.worker, f.grantee, &tptypes.MsgSubmitResult{})
	id := f.submit()
	f.claim(f.worker, id)
	inner := f.honestResult(f.worker, id)
	inner.Proof = append(inner.Proof, 0)
	require.Error(f.T, inner.ValidateBasic(), "the top-level check")
	outer := exec(f.grantee, inner)
	_, checked := outer.(sdk.HasValidateBasic)
	require.False(f.T, checked, "MsgExec has no ValidateBasic: nothing before the handler looks inside it")
	return outer
}

// execSecondClaim: the grantee claims a second task for a worker that
// already holds one.
func execSecondClaim(f *fixture) sdk.Msg {
	f.grant(f.worker, f.grantee, &tptypes.MsgClaimTask{})
	a, b := f.submit(), f.submit()
	f.claim(f.worker, a)
	return exec(f.grantee, &tptypes.MsgClaimTask{Worker: f.worker.String(), PoolId: f.poolID, TaskId: b})
}

// execUnbondedClaim: a registered worker with no bond grants claims to
// another account, which claims for it.
func execUnbondedClaim(f *fixture) sdk.Msg {
	lazy := sdk.AccAddress("unbonded_worker_____")
	f.Fund(lazy, sdk.NewCoins(hyra(1)))
	f.mustDeliver(&tptypes.MsgRegisterWorker{Worker: lazy.String()})
	f.grant(lazy, f.grantee, &tptypes.MsgClaimTask{})
	id := f.submit()
	return exec(f.grantee, &tptypes.MsgClaimTask{Worker: lazy.String(), PoolId: f.poolID, TaskId: id})
}

// execProofOfGrantee: the grantee submits, for the worker's claim, a proof
// bound to itself (the signer of the transaction) rather than to the worker.
func execProofOfGrantee(f *fixture) sdk.Msg {
	f.grant(f.worker, f.grantee, &tptypes.MsgSubmitResult{})
	id := f.submit()
	f.claim(f.worker, id)
	return exec(f.grantee, f.result(f.worker, id, f.Ctx.ChainID(), f.grantee))
}
