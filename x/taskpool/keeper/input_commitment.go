package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// commitInput computes a new task's input commitment (the proof's input public input) under
// the version's input scheme, once, at submission: verifications then read it from the task
// instead of hashing the input again (1.6 ms for 784 values in the v1 packing, more than the
// pairing check). The submitter pays for the hashing first, per input element. values are the
// input decoded with its encoding by checkInput: the commitment is over the integers, whatever
// encoding carried them. A private-capable version's circuit hides every input, so there it is
// hidden with the zero blinding (hidePublicCommitment).
func commitInput(ctx sdk.Context, values []int64, version mrtypes.ModelVersion) ([]byte, error) {
	ctx.GasMeter().ConsumeGas(verifier.InputCommitmentGasPerElement*uint64(version.InputSchema.Length), "input commitment")
	c, err := verifier.InputCommitmentOf(values, version.InputScheme())
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidInput, err.Error())
	}
	return hidePublicCommitment(c, version)
}

// storedInputCommitment is the task's input commitment as stored at submission. Tasks stored
// before commitments were (no field) get it computed here, from the input and the version they
// were submitted for, each time their result is checked and without gas, as every verification
// did before (VerifyGas covered it); nothing is written, so the pre-verifiers and the handler
// compute the same bytes. There is no migration: such tasks finish or expire within their
// deadline.
func storedInputCommitment(task types.Task, version mrtypes.ModelVersion) ([]byte, error) {
	if len(task.InputCommitment) != 0 {
		return task.InputCommitment, nil
	}
	v, err := task.DecodedInput()
	if err != nil {
		return nil, errorsmod.Wrapf(err, "task %d", task.Id)
	}
	c, err := verifier.InputCommitmentOf(v, version.InputScheme())
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidInput, "task %d: %s", task.Id, err)
	}
	return hidePublicCommitment(c, version)
}
