package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
)

// MsgRegisterModelFactory registers files as a new model of a random account
// that can pay the registration fee.
func MsgRegisterModelFactory(k keeper.Keeper, files ModelFiles) simsx.SimMsgFactoryFn[*types.MsgRegisterModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterModel) {
		params, ok := paramsFor(ctx, k, files, reporter)
		if !ok {
			return nil, nil
		}
		fee := params.RegistrationFeeFor(len(files.Artifact))
		owner := testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(fee...))
		if reporter.IsSkipped() || !Reserve(&owner, fee) {
			reporter.Skip("cannot pay the registration fee")
			return nil, nil
		}
		r := testData.Rand()
		return []simsx.SimAccount{owner}, &types.MsgRegisterModel{
			Owner:        owner.AddressBech32,
			Name:         r.StringN(1 + r.Intn(int(params.MaxNameLength))),
			Description:  r.StringN(1 + r.Intn(int(params.MaxDescriptionLength))),
			Price:        sdk.NewInt64Coin(sdk.DefaultBondDenom, randomPrice(r)),
			ProofSystem:  types.PROOF_SYSTEM_GROTH16,
			VerifyingKey: files.VerifyingKey,
			Artifact:     files.Artifact,
			ArtifactHash: files.hash,
			InputSchema:  files.schema,
			OutputLength: files.outputLength,
		}
	}
}

// MsgUpdateModelFactory registers files as the next version of a random
// model, signed by its owner.
func MsgUpdateModelFactory(k keeper.Keeper, files ModelFiles) simsx.SimMsgFactoryFn[*types.MsgUpdateModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateModel) {
		params, ok := paramsFor(ctx, k, files, reporter)
		if !ok {
			return nil, nil
		}
		m, owner := ownedModel(ctx, k, testData, reporter)
		if reporter.IsSkipped() || !Reserve(&owner, params.RegistrationFeeFor(len(files.Artifact))) {
			reporter.Skip("no model whose owner can pay the fee")
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgUpdateModel{
			Owner:        owner.AddressBech32,
			Id:           m.Id,
			ProofSystem:  types.PROOF_SYSTEM_GROTH16,
			VerifyingKey: files.VerifyingKey,
			Artifact:     files.Artifact,
			ArtifactHash: files.hash,
			InputSchema:  files.schema,
			OutputLength: files.outputLength,
		}
	}
}

// MsgUpdateModelPriceFactory reprices a random model.
func MsgUpdateModelPriceFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUpdateModelPrice] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateModelPrice) {
		m, owner := ownedModel(ctx, k, testData, reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		price := sdk.NewInt64Coin(m.Price.Denom, randomPrice(testData.Rand()))
		return []simsx.SimAccount{owner}, &types.MsgUpdateModelPrice{Owner: owner.AddressBech32, Id: m.Id, Price: price}
	}
}

// MsgSetModelActiveFactory switches a random model off, or back on.
func MsgSetModelActiveFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetModelActive] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetModelActive) {
		m, owner := ownedModel(ctx, k, testData, reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgSetModelActive{Owner: owner.AddressBech32, Id: m.Id, Active: !m.Active}
	}
}

// MsgTransferModelOwnershipFactory hands a random model to another account.
func MsgTransferModelOwnershipFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgTransferModelOwnership] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgTransferModelOwnership) {
		m, owner := ownedModel(ctx, k, testData, reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		to := testData.AnyAccount(reporter, simsx.ExcludeAccounts(owner))
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgTransferModelOwnership{Owner: owner.AddressBech32, Id: m.Id, NewOwner: to.AddressBech32}
	}
}

// paramsFor reads the params and skips when files do not fit them or no
// description fits (governance may have set either cap low).
func paramsFor(ctx context.Context, k keeper.Keeper, files ModelFiles, reporter simsx.SimulationReporter) (types.Params, bool) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		reporter.Skip(err.Error())
		return params, false
	}
	if !files.fits(params) || params.MaxDescriptionLength == 0 {
		reporter.Skip("the model files do not fit the params")
		return params, false
	}
	return params, true
}

// Reserve takes coins out of acc's liquid balance for the message, so that
// the random tx fee still leaves enough to pay them. acc is a pointer: the
// reservation lives in the account value that is returned as the signer.
func Reserve(acc *simsx.SimAccount, coins sdk.Coins) bool {
	for _, c := range coins {
		if !acc.LiquidBalance().BlockAmount(c) {
			return false
		}
	}
	return true
}
