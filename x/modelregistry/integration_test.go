package modelregistry_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/hyra-network/hyra/testutil/apptest"
	"github.com/hyra-network/hyra/x/modelregistry/keeper"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
)

// TestRegistryOnTheRealApp registers, reprices, updates and transfers a model
// through the real app's message router, and checks the fee reached the
// community pool and the state survives block commits.
func TestRegistryOnTheRealApp(t *testing.T) {
	var (
		k     keeper.Keeper
		distr distrkeeper.Keeper
	)
	env := apptest.Setup(t, &k, &distr)
	owner := sdk.AccAddress("owner_______________")
	other := sdk.AccAddress("other_______________")
	env.Fund(owner, sdk.NewCoins(sdk.NewInt64Coin("uhyra", 50_000_000)))

	a, err := artifact.Parse(models.IrisArtifact)
	require.NoError(t, err)
	hash := sha256.Sum256(models.IrisArtifact)
	register := &types.MsgRegisterModel{
		Owner: owner.String(), Name: "iris", Description: "iris classifier",
		Price: sdk.NewInt64Coin("uhyra", 1000), ProofSystem: types.PROOF_SYSTEM_GROTH16,
		VerifyingKey: models.IrisVerifyingKey, Artifact: models.IrisArtifact, ArtifactHash: hash[:],
		InputSchema:  types.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max},
		OutputLength: uint32(a.Output.Length),
	}
	poolBefore, err := distr.FeePool.Get(env.Ctx)
	require.NoError(t, err)

	_, err = env.Deliver(register)
	require.NoError(t, err)
	env.NextBlock(time.Second)

	// The flat fee plus artifact_byte_fee for each byte of the artifact.
	fee := types.DefaultParams().RegistrationFeeFor(len(models.IrisArtifact))
	require.Equal(t, int64(50_000_000)-fee.AmountOf("uhyra").Int64(), env.Balance(owner, "uhyra").Amount.Int64())
	poolAfter, err := distr.FeePool.Get(env.Ctx)
	require.NoError(t, err)
	gained := poolAfter.CommunityPool.Sub(poolBefore.CommunityPool)
	require.True(t, gained.AmountOf("uhyra").GTE(fee.AmountOf("uhyra").ToLegacyDec()), "community pool gained %s", gained)

	// Only the owner can reprice; a failed message changes nothing.
	_, err = env.Deliver(&types.MsgUpdateModelPrice{Owner: other.String(), Id: 1, Price: sdk.NewInt64Coin("uhyra", 1)})
	require.ErrorContains(t, err, "signer is not the model owner")
	_, err = env.Deliver(&types.MsgUpdateModelPrice{Owner: owner.String(), Id: 1, Price: sdk.NewInt64Coin("uhyra", 2500)})
	require.NoError(t, err)

	// A new version keeps the old one.
	_, err = env.Deliver(&types.MsgUpdateModel{
		Owner: owner.String(), Id: 1, ProofSystem: register.ProofSystem, VerifyingKey: register.VerifyingKey,
		Artifact: register.Artifact, ArtifactHash: register.ArtifactHash, InputSchema: register.InputSchema,
		OutputLength: register.OutputLength,
	})
	require.NoError(t, err)
	_, err = env.Deliver(&types.MsgTransferModelOwnership{Owner: owner.String(), Id: 1, NewOwner: other.String()})
	require.NoError(t, err)
	env.NextBlock(time.Second)

	m, err := k.GetModel(env.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, other.String(), m.Owner)
	require.Equal(t, "2500uhyra", m.Price.String())
	require.Equal(t, uint64(2), m.Version)
	_, err = k.GetModelVersion(env.Ctx, 1, 1)
	require.NoError(t, err)

	// Params change only through the gov authority.
	params := types.DefaultParams()
	params.MaxNameLength = 10
	_, err = env.Deliver(&types.MsgUpdateParams{Authority: owner.String(), Params: params})
	require.ErrorContains(t, err, "invalid authority")
	gov := authtypes.NewModuleAddress(govtypes.ModuleName)
	_, err = env.Deliver(&types.MsgUpdateParams{Authority: gov.String(), Params: params})
	require.NoError(t, err)
	register.Name = "a-name-too-long"
	_, err = env.Deliver(register)
	require.ErrorContains(t, err, "the limit is 10")
}
