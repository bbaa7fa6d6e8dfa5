package keeper

import (
	"context"
	"encoding/hex"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/internal/keeperutil"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// RegisterModel registers msg's model at version 1 for owner (its decoded
// signer), after every check and after the owner has paid the registration
// fee to the community pool. It returns the model's id.
func (k Keeper) RegisterModel(ctx context.Context, owner sdk.AccAddress, msg *types.MsgRegisterModel) (uint64, error) {
	ownerStr, err := k.addressCodec.BytesToString(owner)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if err := keeperutil.CheckText(types.ErrInvalidName, "name", msg.Name, uint64(params.MaxNameLength)); err != nil {
		return 0, err
	}
	if err := keeperutil.CheckText(types.ErrInvalidDescription, "description", msg.Description, uint64(params.MaxDescriptionLength)); err != nil {
		return 0, err
	}
	if err := k.validatePrice(ctx, msg.Price); err != nil {
		return 0, err
	}
	if err := types.CheckPrivatePrice(msg.Price, msg.PrivatePrice); err != nil {
		return 0, errorsmod.Wrap(types.ErrInvalidPrice, err.Error())
	}
	content, err := k.acceptContent(ctx, owner, params, msg)
	if err != nil {
		return 0, err
	}

	id, err := k.ModelSeq.Next(ctx)
	if err != nil {
		return 0, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	model := types.Model{
		Id:            id,
		Owner:         ownerStr,
		Name:          msg.Name,
		Description:   msg.Description,
		Price:         msg.Price,
		PrivatePrice:  msg.PrivatePrice,
		Active:        true,
		Version:       1,
		LatestVersion: 1,
		CreatedHeight: height,
	}
	version := content.toVersion(id, 1, height)
	if err := k.addModel(ctx, model); err != nil {
		return 0, err
	}
	if err := k.setVersion(ctx, version); err != nil {
		return 0, err
	}
	return id, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelRegistered{
		ModelId:          id,
		Owner:            ownerStr,
		Name:             msg.Name,
		Price:            msg.Price,
		VerifyingKeyHash: hex.EncodeToString(version.VerifyingKeyHash),
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		SetupStatus:      version.SetupStatus,
	})
}

// UpdateModel registers the next version of owner's model msg.Id and returns
// its number. Earlier versions are kept: tasks created for them are still
// verified against their own key. A version with an uploaded key becomes
// current at once; a PENDING one only when its setup is finalized, and until
// then new tasks use the current one.
func (k Keeper) UpdateModel(ctx context.Context, owner sdk.AccAddress, msg *types.MsgUpdateModel) (uint64, error) {
	model, err := k.ownedModel(ctx, owner, msg.Id)
	if err != nil {
		return 0, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	content, err := k.acceptContent(ctx, owner, params, msg)
	if err != nil {
		return 0, err
	}

	model.LatestVersion = model.Latest() + 1
	version := content.toVersion(model.Id, model.LatestVersion, sdk.UnwrapSDKContext(ctx).BlockHeight())
	if version.SetupStatus.TakesTasks() {
		model.Version = version.Version
	}
	if err := k.setVersion(ctx, version); err != nil {
		return 0, err
	}
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return 0, err
	}
	return version.Version, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelUpdated{
		ModelId:          model.Id,
		Version:          version.Version,
		VerifyingKeyHash: hex.EncodeToString(version.VerifyingKeyHash),
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		SetupStatus:      version.SetupStatus,
	})
}

// versionMsg is what MsgRegisterModel and MsgUpdateModel both carry for a version.
type versionMsg interface {
	GetProofSystem() types.ProofSystem
	GetVerifyingKey() []byte
	GetArtifact() []byte
	GetArtifactHash() []byte
	GetInputSchema() types.InputSchema
	GetOutputLength() uint32
}

// contentOf is the version content a registration or update submits.
func contentOf(msg versionMsg) versionContent {
	return versionContent{
		proofSystem:  msg.GetProofSystem(),
		verifyingKey: msg.GetVerifyingKey(),
		artifact:     msg.GetArtifact(),
		artifactHash: msg.GetArtifactHash(),
		schema:       msg.GetInputSchema(),
		outputLength: msg.GetOutputLength(),
	}
}

// acceptContent validates the version content of a registration or update and
// charges its owner the registration fee for it.
func (k Keeper) acceptContent(ctx context.Context, owner sdk.AccAddress, params types.Params, msg versionMsg) (versionContent, error) {
	content := contentOf(msg)
	if err := content.validate(sdk.UnwrapSDKContext(ctx), params); err != nil {
		return content, err
	}
	return content, k.payRegistrationFee(ctx, owner, params, len(content.artifact))
}

// payRegistrationFee moves the registration fee, plus artifact_byte_fee for
// each byte of the artifact every node will store, from the owner to the
// community pool; a zero fee is free.
func (k Keeper) payRegistrationFee(ctx context.Context, owner sdk.AccAddress, params types.Params, artifactSize int) error {
	fee := params.RegistrationFeeFor(artifactSize)
	if fee.IsZero() {
		return nil
	}
	if err := k.distrKeeper.FundCommunityPool(ctx, fee, owner); err != nil {
		return errorsmod.Wrapf(err, "paying the registration fee of %s (%s + %d artifact bytes at %s)",
			fee, params.RegistrationFee, artifactSize, params.ArtifactByteFee)
	}
	return nil
}
