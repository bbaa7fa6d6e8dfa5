package keeper

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/verifier"
)

// FinalizeSetup seals a setup and makes its version take tasks. It needs
// min_setup_contributors distinct contributors, at least one of them
// independent of the owner. The beacon is the finalizing block's header hash,
// which no contributor knew when contributing; the chain builds the verifying
// key itself from the recorded anchor, K points and last delta, so the key
// can only be the one the recorded transcript leads to.
func (k Keeper) FinalizeSetup(ctx context.Context, owner sdk.AccAddress, msg *types.MsgFinalizeSetup) ([]byte, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	model, err := k.ownedModel(ctx, owner, msg.ModelId)
	if err != nil {
		return nil, err
	}
	version, err := k.pendingVersion(ctx, msg.ModelId, msg.Version, "be finalized")
	if err != nil {
		return nil, err
	}
	setup, err := k.GetSetup(ctx, msg.ModelId, msg.Version)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if setup.Contributions < params.MinSetupContributors {
		return nil, errorsmod.Wrapf(types.ErrNotEnoughContributors, "model %d version %d has %d contributors, min_setup_contributors is %d",
			msg.ModelId, msg.Version, setup.Contributions, params.MinSetupContributors)
	}
	independent, err := k.countIndependent(ctx, model, setup, params.IndependentMinReputation)
	if err != nil {
		return nil, err
	}
	if independent == 0 {
		return nil, errorsmod.Wrapf(types.ErrNoIndependentContributor,
			"model %d version %d: none of its %d contributors is a bonded validator's operator or a worker with min_worker_bond bonded and reputation >= %d, other than the owner and accounts with an authz grant to or from it",
			msg.ModelId, msg.Version, setup.Contributions, params.IndependentMinReputation)
	}
	beacon := sdkCtx.HeaderHash()
	if len(beacon) == 0 && sdkCtx.ExecMode() == sdk.ExecModeSimulate {
		beacon = simulatedBeacon[:]
	}
	if len(beacon) == 0 {
		return nil, errorsmod.Wrap(types.ErrNoBeacon, "this block has no header hash")
	}
	sdkCtx.GasMeter().ConsumeGas(verifier.SetupVerifyingKeyGas, "build verifying key")
	vk, err := verifier.SetupVerifyingKey(setup.Anchor.Points(), setup.VkK, setup.LastStateHash, setup.LastDeltaG1, setup.LastDeltaG2, beacon)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidSetup, err.Error())
	}

	vkHash := sha256.Sum256(vk)
	version.VerifyingKey, version.VerifyingKeyHash = vk, vkHash[:]
	version.SetupStatus = types.SETUP_STATUS_CEREMONY
	version.SetupContributors, version.SetupIndependent = setup.Contributions, independent
	setup.FinalizedHeight, setup.Beacon = sdkCtx.BlockHeight(), beacon
	if err := k.setVersion(ctx, version); err != nil {
		return nil, err
	}
	if err := k.Setups.Set(ctx, collections.Join(msg.ModelId, msg.Version), setup); err != nil {
		return nil, err
	}
	if err := k.makeCurrent(ctx, model, msg.Version); err != nil {
		return nil, err
	}
	return vkHash[:], sdkCtx.EventManager().EmitTypedEvent(&types.EventSetupFinalized{
		ModelId:          msg.ModelId,
		Version:          msg.Version,
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		VerifyingKeyHash: hex.EncodeToString(vkHash[:]),
		Contributors:     setup.Contributions,
		Independent:      independent,
		Beacon:           hex.EncodeToString(beacon),
	})
}

// simulatedBeacon stands in for the header hash when a client simulates MsgFinalizeSetup to
// estimate its gas (`--gas auto`): a simulation runs on the last committed state, whose context
// has no header hash. It is as long as a CometBFT header hash, and every value finalization
// writes or emits has a fixed size whatever the beacon (the 428-byte key, its hash, the beacon,
// the event's hex fields), so the simulated gas is the executed gas
// (TestFinalizeSetupSimulatesItsGas). A simulation commits nothing.
var simulatedBeacon = sha256.Sum256([]byte("hyra: simulated MsgFinalizeSetup, no header hash"))

// makeCurrent moves the model's current version (the one new tasks use) to a
// version whose setup just finished, if it is newer than the current one or
// the current one takes no tasks (still pending, or retired).
func (k Keeper) makeCurrent(ctx context.Context, model types.Model, version uint64) error {
	if version <= model.Version {
		current, err := k.GetModelVersion(ctx, model.Id, model.Version)
		if err != nil {
			return err
		}
		if current.SetupStatus.TakesTasks() {
			return nil
		}
	}
	model.Version = version
	return k.Models.Set(ctx, model.Id, model)
}

// countIndependent counts the setup's contributors independent of the
// model's owner and of the owner that began the setup.
func (k Keeper) countIndependent(ctx context.Context, model types.Model, setup types.Setup, minReputation int64) (uint32, error) {
	var owners []sdk.AccAddress
	for _, o := range []string{model.Owner, setup.BegunBy} {
		bz, err := k.addressCodec.StringToBytes(o)
		if err != nil {
			return 0, err
		}
		owners = append(owners, bz)
	}
	contribs, err := k.contributions(ctx, setup.ModelId, setup.Version)
	if err != nil {
		return 0, err
	}
	var n uint32
	for _, c := range contribs {
		bz, err := k.addressCodec.StringToBytes(c.Contributor)
		if err != nil {
			return 0, err
		}
		if k.isIndependent(ctx, bz, owners, minReputation) {
			n++
		}
	}
	return n, nil
}

// RetireVersion stops new tasks for a model version, whatever its status;
// tasks already created for it still settle or expire. Only the authority may.
func (k Keeper) RetireVersion(ctx context.Context, authority string, modelID, versionNum uint64) error {
	if err := keeperutil.CheckAuthority(types.ErrInvalidAuthority, k.authority, authority); err != nil {
		return err
	}
	version, err := k.GetModelVersion(ctx, modelID, versionNum)
	if err != nil {
		return err
	}
	previous := version.SetupStatus
	if previous == types.SETUP_STATUS_RETIRED {
		return errorsmod.Wrapf(types.ErrNoChange, "model %d version %d is already retired", modelID, versionNum)
	}
	version.SetupStatus = types.SETUP_STATUS_RETIRED
	if err := k.setVersion(ctx, version); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventVersionRetired{
		ModelId:        modelID,
		Version:        versionNum,
		PreviousStatus: previous,
	})
}
