package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	sdk "github.com/cosmos/cosmos-sdk/types"

	mrtypes "github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/x/taskpool/types"
	"github.com/hyra-network/hyra/zk/commit"
	"github.com/hyra-network/hyra/zk/verifier"
)

// SubmitPrivateTask escrows reward from creator and adds a private task to an
// active pool: the chain keeps the client's hiding commitment to the input
// (zk/commit HidingInput) and the input encrypted to the client itself, never
// the input. The pool's model must take private tasks (a private price) and
// its current version must be able to prove them (a private-capable
// artifact), and the reward must be at least the private price. It returns
// the task id. x/router calls it to route a user's private request.
func (k Keeper) SubmitPrivateTask(ctx context.Context, creator sdk.AccAddress, poolID uint64, commitment, selfCiphertext []byte, reward sdk.Coin, deadline time.Time) (uint64, error) {
	if err := types.CheckPrivateSubmission(nil, commitment, selfCiphertext); err != nil {
		return 0, err
	}
	var c fr.Element
	if err := c.SetBytesCanonical(commitment); err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidPrivateTask, "input commitment is not a canonical field element: %s", err)
	}
	return k.submit(ctx, creator, poolID, reward, deadline, func(_ sdk.Context, model mrtypes.Model, version mrtypes.ModelVersion) (types.Task, error) {
		if !version.Private {
			return types.Task{}, errorsmod.Wrapf(types.ErrPrivateUnsupported,
				"model %d version %d: its circuit cannot prove private tasks (the artifact is not private-capable)", model.Id, version.Version)
		}
		if !model.TakesPrivateTasks() {
			return types.Task{}, errorsmod.Wrapf(types.ErrPrivateUnsupported, "model %d has no private price", model.Id)
		}
		task := types.Task{Private: true, InputCommitment: commitment, SelfCiphertext: selfCiphertext}
		return task, checkReward(reward, model.PrivatePrice)
	})
}

// hidePublicCommitment is the input public input of a public task on a
// private-capable version, whose circuit always hides the input:
// HidingInput(C_in, 0) (verifier.PublicHidingInput). The blinding is zero,
// so anyone can recompute it from the plaintext input, which the task shows
// anyway.
func hidePublicCommitment(cIn []byte, version mrtypes.ModelVersion) ([]byte, error) {
	if !version.Private {
		return cIn, nil
	}
	c, err := verifier.PublicHidingInput(cIn)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidInput, err.Error())
	}
	return c, nil
}

// statementOutput checks a result's output against its task and returns the
// output the proof's statement commits to. A version that is not
// private-capable proves the plaintext output as before. On a private-capable
// version the statement is always sealed (verifier.Statement.Sealed): a
// private task's output is the sealed output itself, n canonical field
// elements, submitted only after the input was posted; a public task's
// plaintext output is sealed here with the zero blinding.
//
// A sealed statement costs verifier.SealedOutputGasPerElement per output
// value, charged here first (the pre-verifiers run this on a meter of their
// own).
func statementOutput(ctx sdk.Context, task types.Task, version mrtypes.ModelVersion, output []byte) ([]byte, error) {
	if !version.Private {
		return output, checkOutput(output, version)
	}
	ctx.GasMeter().ConsumeGas(verifier.SealedOutputGasPerElement*uint64(version.OutputLength), "sealed output statement")
	if task.Private {
		if len(task.InputCiphertext) == 0 {
			return nil, errorsmod.Wrapf(types.ErrInputNotPosted, "task %d: no result before the creator posts the input", task.Id)
		}
		if _, err := commit.DecodeSealed(output, int(version.OutputLength)); err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidOutput, "sealed output of %d values: %s", version.OutputLength, err)
		}
		return output, nil
	}
	if err := checkOutput(output, version); err != nil {
		return nil, err
	}
	sealed, err := verifier.PublicSealedOutput(output)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidOutput, err.Error())
	}
	return sealed, nil
}
