package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// BeginSetup opens the multi-party setup of a PENDING version with the start
// the owner proposes (the phase-2 state hash and K points it computed from
// the artifact and phase 1). The chain cannot recompute them (that takes the
// whole circuit); every contributor does, before contributing, and refuses a
// start that does not match. The anchor and phase-1 hash in params now are
// recorded, so that finalization uses the phase 1 the setup started on.
func (k Keeper) BeginSetup(ctx context.Context, owner sdk.AccAddress, msg *types.MsgBeginSetup) error {
	model, err := k.ownedModel(ctx, owner, msg.ModelId)
	if err != nil {
		return err
	}
	version, err := k.pendingVersion(ctx, msg.ModelId, msg.Version, "begin a setup")
	if err != nil {
		return err
	}
	key := collections.Join(msg.ModelId, msg.Version)
	if has, err := k.Setups.Has(ctx, key); err != nil || has {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrSetupExists, "model %d version %d", msg.ModelId, msg.Version)
		}
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if !params.SetupAnchor.IsSet() {
		return errorsmod.Wrap(types.ErrNoSetupAnchor, "governance must set params.setup_anchor (the network's phase 1) before any setup can begin")
	}
	if err := checkSetupStart(sdk.UnwrapSDKContext(ctx), params.SetupAnchor, msg); err != nil {
		return err
	}
	g1, g2 := verifier.InitialDelta()
	setup := types.Setup{
		ModelId:          msg.ModelId,
		Version:          msg.Version,
		BegunBy:          model.Owner,
		ArtifactHash:     version.ArtifactHash,
		Anchor:           params.SetupAnchor,
		Phase1Hash:       params.Phase1Hash,
		InitialStateHash: msg.InitialStateHash,
		VkK:              msg.VkK,
		Constraints:      msg.Constraints,
		BegunHeight:      sdk.UnwrapSDKContext(ctx).BlockHeight(),
		LastStateHash:    msg.InitialStateHash,
		LastDeltaG1:      g1,
		LastDeltaG2:      g2,
	}
	if err := k.Setups.Set(ctx, key, setup); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetupBegun{
		ModelId:          msg.ModelId,
		Version:          msg.Version,
		Owner:            model.Owner,
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		InitialStateHash: hex.EncodeToString(msg.InitialStateHash),
		Constraints:      msg.Constraints,
	})
}

// checkSetupStart checks the sizes of a proposed start, then that its K
// points make a valid key with the anchor (a trial build with the initial
// delta), so that no setup whose finalization must fail gathers
// contributions. The trial does elliptic-curve work, charged first.
func checkSetupStart(ctx sdk.Context, anchor types.SetupAnchor, msg *types.MsgBeginSetup) error {
	if n := len(msg.InitialStateHash); n != verifier.SetupStateHashSize {
		return errorsmod.Wrapf(types.ErrInvalidSetup, "initial_state_hash is %d bytes, want %d", n, verifier.SetupStateHashSize)
	}
	if n := len(msg.VkK); n != verifier.SetupVKKSize {
		return errorsmod.Wrapf(types.ErrInvalidSetup, "vk_k is %d bytes, want %d (the K points of the circuit's public inputs)", n, verifier.SetupVKKSize)
	}
	if msg.Constraints == 0 {
		return errorsmod.Wrap(types.ErrInvalidSetup, "constraints must be positive")
	}
	ctx.GasMeter().ConsumeGas(verifier.SetupVerifyingKeyGas, "check setup start")
	g1, g2 := verifier.InitialDelta()
	if _, err := verifier.SetupVerifyingKey(anchor.Points(), msg.VkK, msg.InitialStateHash, g1, g2, msg.InitialStateHash); err != nil {
		return errorsmod.Wrap(types.ErrInvalidSetup, err.Error())
	}
	return nil
}
