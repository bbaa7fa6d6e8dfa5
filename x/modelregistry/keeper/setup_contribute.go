package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// ContributeSetup records a contribution to an open setup, from any account
// that has not contributed to it yet. The check's cost is charged before
// anything is read or decoded, so a bad contribution costs its sender.
func (k Keeper) ContributeSetup(ctx context.Context, msg *types.MsgContributeSetup) (uint32, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(verifier.SetupContributionVerifyGas, "verify setup contribution")
	if err := msg.ValidateBasic(); err != nil {
		return 0, err
	}
	contributor, contributorStr, err := keeperutil.DecodeAddress(k.addressCodec, types.ErrInvalidAddress, "contributor", msg.Contributor)
	if err != nil {
		return 0, err
	}
	if _, err := k.pendingVersion(ctx, msg.ModelId, msg.Version, "take contributions"); err != nil {
		return 0, err
	}
	setup, err := k.GetSetup(ctx, msg.ModelId, msg.Version)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if setup.Contributions >= params.MaxSetupContributions {
		return 0, errorsmod.Wrapf(types.ErrTooManyContributions, "model %d version %d has %d contributions, the limit is %d: its owner can finalize it",
			msg.ModelId, msg.Version, setup.Contributions, params.MaxSetupContributions)
	}
	key := collections.Join(msg.ModelId, msg.Version)
	if seen, err := k.SetupContributors.Has(ctx, collections.Join(key, contributor)); err != nil || seen {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrDuplicateContributor, "%s already contributed to model %d version %d", contributorStr, msg.ModelId, msg.Version)
		}
		return 0, err
	}
	if err := verifier.VerifySetupContribution(setup.LastStateHash, setup.LastDeltaG1, setup.LastDeltaG2, verifier.SetupContribution{
		StateHash: msg.StateHash, DeltaG1: msg.DeltaG1, DeltaG2: msg.DeltaG2, Proof: msg.Proof,
	}); err != nil {
		return 0, errorsmod.Wrapf(types.ErrBadContribution, "against contribution %d (state %X): %s", setup.Contributions, setup.LastStateHash, err)
	}

	setup.Contributions++
	setup.LastStateHash, setup.LastDeltaG1, setup.LastDeltaG2 = msg.StateHash, msg.DeltaG1, msg.DeltaG2
	c := types.SetupContribution{
		ModelId:     msg.ModelId,
		Version:     msg.Version,
		Index:       setup.Contributions,
		Contributor: contributorStr,
		StateHash:   msg.StateHash,
		DeltaG1:     msg.DeltaG1,
		DeltaG2:     msg.DeltaG2,
		Proof:       msg.Proof,
		Height:      sdkCtx.BlockHeight(),
	}
	if err := k.SetupContributions.Set(ctx, collections.Join(key, c.Index), c); err != nil {
		return 0, err
	}
	if err := k.SetupContributors.Set(ctx, collections.Join(key, contributor)); err != nil {
		return 0, err
	}
	if err := k.Setups.Set(ctx, key, setup); err != nil {
		return 0, err
	}
	return c.Index, sdkCtx.EventManager().EmitTypedEvent(&types.EventSetupContributed{
		ModelId:     msg.ModelId,
		Version:     msg.Version,
		Index:       c.Index,
		Contributor: contributorStr,
		StateHash:   hex.EncodeToString(msg.StateHash),
	})
}
