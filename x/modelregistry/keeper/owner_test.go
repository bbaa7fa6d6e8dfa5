package keeper_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
)

func TestUpdateModelPrice(t *testing.T) {
	cases := []struct {
		name string
		msg  func(f *fixture, id uint64) *types.MsgUpdateModelPrice
		err  string
	}{
		{"success - owner reprices", func(f *fixture, id uint64) *types.MsgUpdateModelPrice {
			return &types.MsgUpdateModelPrice{Owner: f.owner, Id: id, Price: sdk.NewInt64Coin(denom, 5000)}
		}, ""},
		{"error - not the owner", func(f *fixture, id uint64) *types.MsgUpdateModelPrice {
			return &types.MsgUpdateModelPrice{Owner: f.other, Id: id, Price: sdk.NewInt64Coin(denom, 5000)}
		}, "signer is not the model owner"},
		{"error - unknown model", func(f *fixture, id uint64) *types.MsgUpdateModelPrice {
			return &types.MsgUpdateModelPrice{Owner: f.owner, Id: id + 41, Price: sdk.NewInt64Coin(denom, 5000)}
		}, "model 42: model not found"},
		{"error - zero price", func(f *fixture, id uint64) *types.MsgUpdateModelPrice {
			return &types.MsgUpdateModelPrice{Owner: f.owner, Id: id, Price: sdk.NewInt64Coin(denom, 0)}
		}, "price must be positive"},
		{"error - wrong denom", func(f *fixture, id uint64) *types.MsgUpdateModelPrice {
			return &types.MsgUpdateModelPrice{Owner: f.owner, Id: id, Price: sdk.NewInt64Coin("stake", 1)}
		}, "price must be in uhyra"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.register(t)
			before := f.snapshot(t)
			_, err := f.msgs.UpdateModelPrice(f.ctx, tc.msg(f, id))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t))
				return
			}
			require.NoError(t, err)
			m, err := f.k.GetModel(f.ctx, id)
			require.NoError(t, err)
			require.Equal(t, "5000uhyra", m.Price.String())
			requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventModelPriceUpdated")
		})
	}
}

func TestUpdateModelKeepsOldVersions(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)
	reg := f.irisRegistration()
	update := &types.MsgUpdateModel{
		Owner: f.owner, Id: id, ProofSystem: reg.ProofSystem, VerifyingKey: reg.VerifyingKey,
		Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
	}

	res, err := f.msgs.UpdateModel(f.ctx.WithBlockHeight(9), update)
	require.NoError(t, err)
	require.Equal(t, uint64(2), res.Version)
	m, err := f.k.GetModel(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, uint64(2), m.Version)
	v1, err := f.k.GetModelVersion(f.ctx, id, 1)
	require.NoError(t, err)
	require.Equal(t, int64(7), v1.CreatedHeight)
	v2, err := f.k.GetModelVersion(f.ctx, id, 2)
	require.NoError(t, err)
	require.Equal(t, int64(9), v2.CreatedHeight)
	requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventModelUpdated")

	t.Run("error - not the owner", func(t *testing.T) {
		bad := *update
		bad.Owner = f.other
		before := f.snapshot(t)
		_, err := f.msgs.UpdateModel(f.ctx, &bad)
		require.ErrorContains(t, err, "signer is not the model owner")
		require.Equal(t, before, f.snapshot(t))
	})
	t.Run("error - artifact hash mismatch", func(t *testing.T) {
		bad := *update
		bad.ArtifactHash = sha([]byte("other"))
		before := f.snapshot(t)
		_, err := f.msgs.UpdateModel(f.ctx, &bad)
		require.ErrorContains(t, err, "artifact hash mismatch")
		require.Equal(t, before, f.snapshot(t))
	})
	t.Run("error - unknown version", func(t *testing.T) {
		_, err := f.k.GetModelVersion(f.ctx, id, 3)
		require.ErrorContains(t, err, "model 1 version 3: model version not found")
	})
}

func TestSetModelActive(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)

	_, err := f.msgs.SetModelActive(f.ctx, &types.MsgSetModelActive{Owner: f.other, Id: id, Active: false})
	require.ErrorContains(t, err, "signer is not the model owner")
	_, err = f.msgs.SetModelActive(f.ctx, &types.MsgSetModelActive{Owner: f.owner, Id: id, Active: true})
	require.ErrorContains(t, err, "already has active=true")

	_, err = f.msgs.SetModelActive(f.ctx, &types.MsgSetModelActive{Owner: f.owner, Id: id, Active: false})
	require.NoError(t, err)
	m, err := f.k.GetModel(f.ctx, id)
	require.NoError(t, err)
	require.False(t, m.Active)
	requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventModelActiveSet")
}

func TestTransferModelOwnership(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)

	cases := []struct {
		name string
		msg  *types.MsgTransferModelOwnership
		err  string
	}{
		{"error - not the owner", &types.MsgTransferModelOwnership{Owner: f.other, Id: id, NewOwner: f.other}, "signer is not the model owner"},
		{"error - invalid new owner", &types.MsgTransferModelOwnership{Owner: f.owner, Id: id, NewOwner: "hyra1invalid"}, "new owner"},
		{"error - same owner", &types.MsgTransferModelOwnership{Owner: f.owner, Id: id, NewOwner: f.owner}, "nothing to change"},
		{"error - unknown model", &types.MsgTransferModelOwnership{Owner: f.owner, Id: 9, NewOwner: f.other}, "model not found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := f.snapshot(t)
			_, err := f.msgs.TransferModelOwnership(f.ctx, tc.msg)
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, before, f.snapshot(t))
		})
	}

	_, err := f.msgs.TransferModelOwnership(f.ctx, &types.MsgTransferModelOwnership{Owner: f.owner, Id: id, NewOwner: f.other})
	require.NoError(t, err)
	m, err := f.k.GetModel(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, f.other, m.Owner)
	requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventModelOwnershipTransferred")

	// The owner index follows the model; the previous owner lost control.
	old, err := f.queries.ModelsByOwner(f.ctx, &types.QueryModelsByOwnerRequest{Owner: f.owner})
	require.NoError(t, err)
	require.Empty(t, old.Models)
	cur, err := f.queries.ModelsByOwner(f.ctx, &types.QueryModelsByOwnerRequest{Owner: f.other})
	require.NoError(t, err)
	require.Len(t, cur.Models, 1)
	_, err = f.msgs.UpdateModelPrice(f.ctx, &types.MsgUpdateModelPrice{Owner: f.owner, Id: id, Price: sdk.NewInt64Coin(denom, 1)})
	require.ErrorContains(t, err, "signer is not the model owner")
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	good := types.DefaultParams()
	good.RegistrationFee, good.ArtifactByteFee = nil, nil
	good.AllowSinglePartyKeys = true
	bad := types.DefaultParams()
	bad.MaxNameLength = 0
	badByteFee := types.DefaultParams()
	badByteFee.ArtifactByteFee = sdk.Coins{sdk.Coin{Denom: denom, Amount: math.NewInt(-1)}}

	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.owner, Params: good})
	require.ErrorContains(t, err, "invalid authority")
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: bad})
	require.ErrorContains(t, err, "max_name_length must be in [1, 256]")
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: badByteFee})
	require.ErrorContains(t, err, "artifact_byte_fee")

	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: good})
	require.NoError(t, err)
	got, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, good, got)

	// With no fee, an owner with no coins can register.
	msg := f.irisRegistration()
	msg.Owner = f.authority
	_, err = f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(t, err)
}
