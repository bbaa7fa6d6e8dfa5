package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// msgServer decodes messages and builds responses; the keeper does the work. It keeps the
// keeper as a field, not embedded, so that no handler hides a keeper method of the same name.
type msgServer struct {
	k Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service of x/modelregistry.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{k: k}
}

// RegisterModel registers a model at version 1, after every check and after
// the owner has paid the registration fee to the community pool.
func (s msgServer) RegisterModel(ctx context.Context, msg *types.MsgRegisterModel) (*types.MsgRegisterModelResponse, error) {
	k := s.k
	owner, err := k.addressCodec.StringToBytes(msg.Owner)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "owner: %s", err)
	}
	ownerStr, err := k.addressCodec.BytesToString(owner)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := validateName(msg.Name, params); err != nil {
		return nil, err
	}
	if err := validateDescription(msg.Description, params); err != nil {
		return nil, err
	}
	if err := k.validatePrice(ctx, msg.Price); err != nil {
		return nil, err
	}
	content := versionContent{
		proofSystem:  msg.ProofSystem,
		verifyingKey: msg.VerifyingKey,
		artifact:     msg.Artifact,
		artifactHash: msg.ArtifactHash,
		schema:       msg.InputSchema,
		outputLength: msg.OutputLength,
	}
	if err := content.validate(sdk.UnwrapSDKContext(ctx), params); err != nil {
		return nil, err
	}
	if err := k.payRegistrationFee(ctx, owner, params, len(content.artifact)); err != nil {
		return nil, err
	}

	id, err := k.ModelSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	model := types.Model{
		Id:            id,
		Owner:         ownerStr,
		Name:          msg.Name,
		Description:   msg.Description,
		Price:         msg.Price,
		Active:        true,
		Version:       1,
		LatestVersion: 1,
		CreatedHeight: height,
	}
	version := content.toVersion(id, 1, height)
	if err := k.addModel(ctx, model); err != nil {
		return nil, err
	}
	if err := k.Versions.Set(ctx, collections.Join(id, uint64(1)), version); err != nil {
		return nil, err
	}
	return &types.MsgRegisterModelResponse{Id: id}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelRegistered{
		ModelId:          id,
		Owner:            ownerStr,
		Name:             msg.Name,
		Price:            msg.Price,
		VerifyingKeyHash: hex.EncodeToString(version.VerifyingKeyHash),
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		SetupStatus:      version.SetupStatus,
	})
}

// UpdateModel registers the next version of a model. Earlier versions are
// kept: tasks created for them are still verified against their own key. A
// version with an uploaded key becomes current at once; a PENDING one only
// when its setup is finalized, and until then new tasks use the current one.
func (s msgServer) UpdateModel(ctx context.Context, msg *types.MsgUpdateModel) (*types.MsgUpdateModelResponse, error) {
	k := s.k
	model, err := k.ownedModel(ctx, msg.Owner, msg.Id)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	content := versionContent{
		proofSystem:  msg.ProofSystem,
		verifyingKey: msg.VerifyingKey,
		artifact:     msg.Artifact,
		artifactHash: msg.ArtifactHash,
		schema:       msg.InputSchema,
		outputLength: msg.OutputLength,
	}
	if err := content.validate(sdk.UnwrapSDKContext(ctx), params); err != nil {
		return nil, err
	}
	owner, _ := k.addressCodec.StringToBytes(msg.Owner) // checked by ownedModel
	if err := k.payRegistrationFee(ctx, owner, params, len(content.artifact)); err != nil {
		return nil, err
	}

	model.LatestVersion = model.Latest() + 1
	version := content.toVersion(model.Id, model.LatestVersion, sdk.UnwrapSDKContext(ctx).BlockHeight())
	if version.SetupStatus.TakesTasks() {
		model.Version = version.Version
	}
	if err := k.Versions.Set(ctx, collections.Join(model.Id, version.Version), version); err != nil {
		return nil, err
	}
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelResponse{Version: version.Version}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelUpdated{
		ModelId:          model.Id,
		Version:          version.Version,
		VerifyingKeyHash: hex.EncodeToString(version.VerifyingKeyHash),
		ArtifactHash:     hex.EncodeToString(version.ArtifactHash),
		SetupStatus:      version.SetupStatus,
	})
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
