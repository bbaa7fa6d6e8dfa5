package adversarial

import (
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// claimTooCloseToDeadline: a client's best-paid task with less than the
// pool's claim timeout left; a claim would lapse before the worker could
// submit, so it is refused.
func claimTooCloseToDeadline(f *fixture) sdk.Msg {
	id := f.submitTo(f.poolID, hyra(50), 90*time.Second)
	f.NextBlock(31 * time.Second)
	return &tptypes.MsgClaimTask{Worker: f.worker.String(), PoolId: f.poolID, TaskId: id}
}

// releaseOfAnotherWorker: a worker gives back another worker's claim.
func releaseOfAnotherWorker(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	return &tptypes.MsgReleaseClaim{Worker: f.worker2.String(), TaskId: id}
}

// releaseAfterClaimExpiry: the worker tries to dodge the lapse of a claim
// that has run out (blocks kept coming: no outage paused it), before EndBlock
// handles it.
func releaseAfterClaimExpiry(f *fixture) sdk.Msg {
	id := f.submit()
	f.claim(f.worker, id)
	f.RunFor(time.Minute - time.Second)
	f.NextBlock(2 * time.Second)
	require.Equal(f.T, tptypes.TASK_STATUS_CLAIMED, f.task(id).Status)
	return &tptypes.MsgReleaseClaim{Worker: f.worker.String(), TaskId: id}
}

// execReleaseAfterClaimExpiry: the same through a grantee.
func execReleaseAfterClaimExpiry(f *fixture) sdk.Msg {
	f.grant(f.worker, f.grantee, &tptypes.MsgReleaseClaim{})
	return exec(f.grantee, releaseAfterClaimExpiry(f))
}
