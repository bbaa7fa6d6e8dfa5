package adversarial

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	rewardstypes "github.com/hyra-network/hyra/x/rewards/types"
	tptypes "github.com/hyra-network/hyra/x/taskpool/types"
)

// adversarialCase is one attack: either a message that must be rejected
// (attack, wantErr) or a property checked on its own (check).
type adversarialCase struct {
	name string
	// attack sets the state up and returns the attacker's message.
	attack   func(f *fixture) sdk.Msg
	wantErr  error
	contains string
	// then checks what must hold afterwards, when blocks have run on.
	then func(f *fixture)
	// check replaces attack for cases that are not one rejected message.
	check func(t *testing.T)
}

// cases is every attack of the suite.
var cases = []adversarialCase{
	// Proofs are bound to the chain, the task, the worker and the output.
	{name: "error - proof replayed for another task", attack: replayForAnotherTask, wantErr: tptypes.ErrInvalidProof},
	{name: "error - proof made for another worker", attack: proofOfAnotherWorker, wantErr: tptypes.ErrInvalidProof},
	{name: "error - result from a worker without the claim", attack: resultWithoutClaim, wantErr: tptypes.ErrNotAssigned},
	{name: "error - tampered output with the original proof", attack: tamperedOutput, wantErr: tptypes.ErrInvalidProof},
	{name: "error - proof for another chain id", attack: proofForAnotherChain, wantErr: tptypes.ErrInvalidProof},
	{name: "error - oversized proof", attack: oversizedProof, wantErr: tptypes.ErrInvalidProof, contains: "proof is 165 bytes"},
	{name: "error - garbage proof of the exact size", attack: garbageProof, wantErr: tptypes.ErrInvalidProof},
	{name: "error - garbage verifying key at registration", attack: garbageVerifyingKey, wantErr: mrtypes.ErrInvalidVerifyingKey},

	// Claims and results keep to their turn and their time.
	{name: "error - second claim while one is active", attack: secondClaim, wantErr: tptypes.ErrTooManyTasks},
	{name: "error - result after the claim expired", attack: resultAfterClaimExpiry, wantErr: tptypes.ErrClaimExpired, then: claimReturnedToPool},
	{name: "error - result after the task deadline", attack: resultAfterDeadline, wantErr: tptypes.ErrDeadlinePassed, then: taskExpiredAndRefunded},
	{name: "error - cancel by a non-creator", attack: cancelByNonCreator, wantErr: tptypes.ErrUnauthorized},
	{name: "error - claim with less than the claim timeout left", attack: claimTooCloseToDeadline, wantErr: tptypes.ErrClaimWindowClosed},
	{name: "error - release of another worker's claim", attack: releaseOfAnotherWorker, wantErr: tptypes.ErrNotAssigned},
	{name: "error - release to dodge a lapse", attack: releaseAfterClaimExpiry, wantErr: tptypes.ErrClaimExpired, then: claimReturnedToPool},

	// Escrow and pools only move through the modules.
	{name: "error - bank send to the escrow account", attack: sendTo(tptypes.ModuleName), wantErr: sdkerrors.ErrUnauthorized, contains: "not allowed to receive funds"},
	{name: "error - bank multi-send to the escrow account", attack: multiSendToEscrow, wantErr: sdkerrors.ErrUnauthorized, contains: "not allowed to receive funds"},
	{name: "error - bank send to the bond pool", attack: sendTo(rewardstypes.BondPoolName), wantErr: sdkerrors.ErrUnauthorized, contains: "not allowed to receive funds"},
	{name: "error - bank send to the reward pool", attack: sendTo(rewardstypes.RewardPoolName), wantErr: sdkerrors.ErrUnauthorized, contains: "not allowed to receive funds"},
	{name: "error - staking rewards withdrawn to the escrow account", attack: withdrawToEscrow, wantErr: sdkerrors.ErrUnauthorized, contains: "not allowed to receive external funds"},
	{name: "success - reward split of 1 uhyra adds up", check: smallestSplit},

	// authz MsgExec reaches the same checks: they live in the msg servers.
	{name: "error - MsgExec with an oversized proof (no ValidateBasic)", attack: execOversizedProof, wantErr: tptypes.ErrInvalidProof, contains: "proof is 165 bytes"},
	{name: "error - MsgExec of a second claim", attack: execSecondClaim, wantErr: tptypes.ErrTooManyTasks},
	{name: "error - MsgExec of a claim for an unbonded worker", attack: execUnbondedClaim, wantErr: rewardstypes.ErrInsufficientBond},
	{name: "error - MsgExec of a result proven for the grantee", attack: execProofOfGrantee, wantErr: tptypes.ErrInvalidProof},
	{name: "error - MsgExec of a release to dodge a lapse", attack: execReleaseAfterClaimExpiry, wantErr: tptypes.ErrClaimExpired, then: claimReturnedToPool},

	// Bounded work and the escrow invariant under any message sequence.
	{name: "success - 10,000 tasks expiring in one block", check: massExpiry},
	{name: "success - no message sequence breaks the escrow invariant", check: escrowInvariantUnderRandomMessages},
}

// TestAdversarial runs the table: each attack fails with its error, leaves
// the state unchanged and keeps the escrow invariant.
func TestAdversarial(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.check != nil {
				tc.check(t)
				return
			}
			f := newFixture(t)
			msg := tc.attack(f)
			changed, err := f.attempt(msg)
			require.ErrorIs(t, err, tc.wantErr)
			if tc.contains != "" {
				require.ErrorContains(t, err, tc.contains)
			}
			t.Logf("rejected: %v", err)
			require.False(t, changed, "the rejected message changed the state")
			f.requireEscrowInvariant(f.Ctx)
			if tc.then != nil {
				tc.then(f)
				f.requireEscrowInvariant(f.Ctx)
			}
		})
	}
}
