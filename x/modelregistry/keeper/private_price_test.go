package keeper_test

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/artifact"
	"github.com/hyra-network/hyra/zk/models"
)

// TestPrivatePrice: a model's private price is set at registration and by
// update-price, zero (or unset) meaning no private tasks, and must be in the
// price's denom.
func TestPrivatePrice(t *testing.T) {
	tests := []struct {
		name    string
		private sdk.Coin
		takes   bool
		wantErr string
	}{
		{name: "success - unset: no private tasks", private: sdk.Coin{}},
		{name: "success - zero: no private tasks", private: sdk.NewInt64Coin(denom, 0)},
		{name: "success - set", private: sdk.NewInt64Coin(denom, 3000), takes: true},
		{name: "error - another denom", private: sdk.NewInt64Coin("uatom", 3000), wantErr: "private price must be in the price's denom"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := f.irisRegistration()
			msg.PrivatePrice = tc.private
			before := f.snapshot(t)
			res, err := f.msgs.RegisterModel(f.ctx, msg)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				require.Equal(t, before, f.snapshot(t))
				return
			}
			require.NoError(t, err)
			m, err := f.k.GetModel(f.ctx, res.Id)
			require.NoError(t, err)
			require.Equal(t, tc.takes, m.TakesPrivateTasks())

			_, err = f.msgs.UpdateModelPrice(f.ctx, &types.MsgUpdateModelPrice{
				Owner: f.owner, Id: res.Id, Price: msg.Price, PrivatePrice: ptr(sdk.NewInt64Coin(denom, 5000)),
			})
			require.NoError(t, err)
			m, err = f.k.GetModel(f.ctx, res.Id)
			require.NoError(t, err)
			require.Equal(t, sdk.NewInt64Coin(denom, 5000), m.PrivatePrice)
			gs, err := f.k.ExportGenesis(f.ctx)
			require.NoError(t, err)
			require.NoError(t, gs.Validate())
		})
	}
}

// TestUpdatePriceKeepsPrivatePrice: a reprice that does not name a private
// price leaves it as it is (it once turned private tasks off); a zero one
// turns them off, and an invalid one is refused with nothing changed.
func TestUpdatePriceKeepsPrivatePrice(t *testing.T) {
	public, private := sdk.NewInt64Coin(denom, 2500), sdk.NewInt64Coin(denom, 3000)
	tests := []struct {
		name    string
		private *sdk.Coin
		want    sdk.Coin
		wantErr string
	}{
		{name: "success - unset: the private price stays", private: nil, want: private},
		{name: "success - a new private price", private: ptr(sdk.NewInt64Coin(denom, 7000)), want: sdk.NewInt64Coin(denom, 7000)},
		{name: "success - zero: no private tasks", private: ptr(sdk.NewInt64Coin(denom, 0)), want: sdk.NewInt64Coin(denom, 0)},
		{name: "error - another denom", private: ptr(sdk.NewInt64Coin("uatom", 7000)), wantErr: "private price must be in the price's denom"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := f.irisRegistration()
			msg.PrivatePrice = private
			res, err := f.msgs.RegisterModel(f.ctx, msg)
			require.NoError(t, err)
			before := f.snapshot(t)
			_, err = f.msgs.UpdateModelPrice(f.ctx, &types.MsgUpdateModelPrice{
				Owner: f.owner, Id: res.Id, Price: public, PrivatePrice: tc.private,
			})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				require.Equal(t, before, f.snapshot(t))
				return
			}
			require.NoError(t, err)
			m, err := f.k.GetModel(f.ctx, res.Id)
			require.NoError(t, err)
			require.Equal(t, public, m.Price)
			require.Equal(t, tc.want, m.PrivatePrice)
			require.Equal(t, tc.want.IsPositive(), m.TakesPrivateTasks())
		})
	}
}

// ptr is a pointer to a copy of c, as an optional message field takes it.
func ptr(c sdk.Coin) *sdk.Coin { return &c }

// TestVersionStoresPrivate: registration records whether the artifact's
// circuit proves private tasks, so that x/taskpool never parses it per task.
func TestVersionStoresPrivate(t *testing.T) {
	f := newFixture(t)
	id := f.register(t)
	v, err := f.k.GetModelVersion(f.ctx, id, 1)
	require.NoError(t, err)
	require.False(t, v.Private)

	a, err := artifact.Parse(models.DigitsPrivateArtifact)
	require.NoError(t, err)
	h := sha256.Sum256(models.DigitsPrivateArtifact)
	msg := f.irisRegistration()
	msg.Name, msg.Artifact, msg.ArtifactHash, msg.VerifyingKey = "digits-private", models.DigitsPrivateArtifact, h[:], nil
	msg.InputSchema = types.InputSchema{Length: uint32(a.Input.Length), MinValue: a.Input.Min, MaxValue: a.Input.Max} //nolint:gosec // a small length
	msg.OutputLength = uint32(a.Output.Length)                                                                        //nolint:gosec // a small length
	res, err := f.msgs.RegisterModel(f.ctx, msg)
	require.NoError(t, err)
	v, err = f.k.GetModelVersion(f.ctx, res.Id, 1)
	require.NoError(t, err)
	require.True(t, v.Private)
}
