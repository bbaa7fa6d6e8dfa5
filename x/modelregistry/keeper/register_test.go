package keeper_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/hyra-network/hyra/testutil/testaddr"
	"github.com/hyra-network/hyra/x/modelregistry/types"
	"github.com/hyra-network/hyra/zk/models"
)

func TestRegisterModel(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(f *fixture, m *types.MsgRegisterModel)
		err    string
	}{
		{"success - iris model", func(*fixture, *types.MsgRegisterModel) {}, ""},
		{"error - invalid owner", func(_ *fixture, m *types.MsgRegisterModel) { m.Owner = "hyra1nope" }, "invalid address"},
		{"error - owner from another chain", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Owner = "cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du"
		}, "invalid address"},
		{"error - empty name", func(_ *fixture, m *types.MsgRegisterModel) { m.Name = "  " }, "name is empty"},
		{"error - name too long", func(_ *fixture, m *types.MsgRegisterModel) { m.Name = string(bytes.Repeat([]byte("n"), 65)) }, "name is 65 bytes, the limit is 64"},
		{"error - name not utf-8", func(_ *fixture, m *types.MsgRegisterModel) { m.Name = "\xff\xfe" }, "not valid UTF-8"},
		{"error - empty description", func(_ *fixture, m *types.MsgRegisterModel) { m.Description = "" }, "description is empty"},
		{"error - description too long", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Description = string(bytes.Repeat([]byte("d"), 1025))
		}, "description is 1025 bytes"},
		{"error - zero price", func(_ *fixture, m *types.MsgRegisterModel) { m.Price = sdk.NewInt64Coin(denom, 0) }, "price must be positive"},
		{"error - unknown denom", func(_ *fixture, m *types.MsgRegisterModel) { m.Price = sdk.NewInt64Coin("uatom", 5) }, `price must be in uhyra, got denom "uatom"`},
		{"error - malformed price", func(_ *fixture, m *types.MsgRegisterModel) { m.Price = sdk.Coin{Denom: "u!", Amount: m.Price.Amount} }, "invalid model price"},
		{"error - nil price amount", func(_ *fixture, m *types.MsgRegisterModel) { m.Price = sdk.Coin{Denom: denom} }, "invalid model price"},
		{"error - unspecified proof system", func(_ *fixture, m *types.MsgRegisterModel) { m.ProofSystem = types.PROOF_SYSTEM_UNSPECIFIED }, "unsupported proof system"},
		{"error - oversized verifying key", func(_ *fixture, m *types.MsgRegisterModel) {
			m.VerifyingKey = make([]byte, types.DefaultMaxVerifyingKeySize+1)
		}, "must be at most 65536"},
		{"error - garbage verifying key", func(_ *fixture, m *types.MsgRegisterModel) {
			m.VerifyingKey = bytes.Repeat([]byte{0x5a}, len(models.IrisVerifyingKey))
		}, "invalid verifying key"},
		{"error - truncated verifying key", func(_ *fixture, m *types.MsgRegisterModel) {
			m.VerifyingKey = m.VerifyingKey[:len(m.VerifyingKey)/2]
		}, "invalid verifying key"},
		{"error - degenerate verifying key (delta = gamma: anyone could forge proofs)", func(_ *fixture, m *types.MsgRegisterModel) {
			m.VerifyingKey = bytes.Clone(m.VerifyingKey)
			copy(m.VerifyingKey[224:288], m.VerifyingKey[128:192]) // delta2 := gamma2 (zk/verifier's layout)
		}, "gamma and delta are the same point up to sign"},
		{"error - empty artifact", func(_ *fixture, m *types.MsgRegisterModel) { m.Artifact = nil }, "invalid model artifact"},
		{"error - oversized artifact", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Artifact = make([]byte, types.DefaultMaxArtifactSize+1)
		}, "must be in [1, 524288]"},
		{"error - artifact hash mismatch", func(_ *fixture, m *types.MsgRegisterModel) { m.ArtifactHash = make([]byte, 32) }, "artifact hash mismatch"},
		{"error - garbage artifact", func(_ *fixture, m *types.MsgRegisterModel) {
			m.Artifact = []byte(`{"format":"nonsense"}`)
			m.ArtifactHash = sha(m.Artifact)
		}, "invalid model artifact"},
		{"error - schema length mismatch", func(_ *fixture, m *types.MsgRegisterModel) { m.InputSchema.Length++ }, "input schema does not match"},
		{"error - schema range mismatch", func(_ *fixture, m *types.MsgRegisterModel) { m.InputSchema.MaxValue++ }, "input schema does not match"},
		{"error - output length mismatch", func(_ *fixture, m *types.MsgRegisterModel) { m.OutputLength = 10 }, "declared output length 10"},
		{"error - cannot pay the registration fee", func(f *fixture, m *types.MsgRegisterModel) {
			m.Owner = f.authority // holds no coins
		}, "paying the registration fee"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := f.irisRegistration()
			tc.mutate(f, msg)
			before := f.snapshot(t)
			res, err := f.msgs.RegisterModel(f.ctx, msg)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				require.Equal(t, before, f.snapshot(t), "a failed registration must change nothing")
				return
			}
			require.NoError(t, err)
			require.Equal(t, uint64(1), res.Id)

			got, err := f.k.GetModel(f.ctx, res.Id)
			require.NoError(t, err)
			require.Equal(t, f.owner, got.Owner)
			require.Equal(t, uint64(1), got.Version)
			require.True(t, got.Active)
			require.Equal(t, int64(7), got.CreatedHeight)

			v, err := f.k.GetModelVersion(f.ctx, res.Id, 1)
			require.NoError(t, err)
			require.Equal(t, sha(models.IrisArtifact), v.ArtifactHash)
			require.Equal(t, sha(models.IrisVerifyingKey), v.VerifyingKeyHash)

			require.Equal(t, registrationFee(len(models.IrisArtifact)).String(), f.distr.CommunityPool.String(), "the fee goes to the community pool")
			requireEvent(t, f.ctx, "hyra.modelregistry.v1.EventModelRegistered")
		})
	}
}

// registrationFee is what the default params charge for an artifact of size
// bytes: the flat fee plus 10uhyra per byte.
func registrationFee(size int) sdk.Coins {
	return sdk.NewCoins(sdk.NewInt64Coin(denom, types.DefaultRegistrationFee+int64(size)*types.DefaultArtifactByteFee))
}

// TestRegistrationFeeIsPricedPerArtifactByte checks that the owner pays
// artifact_byte_fee for every byte of the artifact, on registration and on
// each new version, and that an owner who can pay the flat fee but not the
// bytes is refused with the numbers and nothing changes.
func TestRegistrationFeeIsPricedPerArtifactByte(t *testing.T) {
	f := newFixture(t)
	size := len(models.IrisArtifact)
	owner, other := testaddr.Filled(1).String(), testaddr.Filled(2).String() // f.distr's keys
	start := f.distr.Balances[owner]
	id := f.register(t)
	reg := f.irisRegistration()
	_, err := f.msgs.UpdateModel(f.ctx, &types.MsgUpdateModel{
		Owner: f.owner, Id: id, ProofSystem: reg.ProofSystem, VerifyingKey: reg.VerifyingKey,
		Artifact: reg.Artifact, ArtifactHash: reg.ArtifactHash, InputSchema: reg.InputSchema, OutputLength: reg.OutputLength,
	})
	require.NoError(t, err)
	paid := registrationFee(size).Add(registrationFee(size)...)
	require.Equal(t, paid.String(), f.distr.CommunityPool.String())
	require.Equal(t, start.Sub(paid...).String(), f.distr.Balances[owner].String())

	// Enough for the flat fee, one uhyra short of the bytes.
	f.distr.Balances[other] = registrationFee(size).Sub(sdk.NewInt64Coin(denom, 1))
	msg := f.irisRegistration()
	msg.Owner = f.other
	before := f.snapshot(t)
	_, err = f.msgs.RegisterModel(f.ctx, msg)
	require.ErrorContains(t, err, fmt.Sprintf("paying the registration fee of %s (10000000uhyra + %d artifact bytes at 10uhyra)", registrationFee(size), size))
	require.Equal(t, before, f.snapshot(t))
}

func TestRegisterModelAssignsSequentialIDs(t *testing.T) {
	f := newFixture(t)
	require.Equal(t, uint64(1), f.register(t))
	require.Equal(t, uint64(2), f.register(t))
	require.Equal(t, uint64(3), f.register(t))
}
