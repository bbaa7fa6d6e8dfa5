package sigcache

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// TestStatelessData: only DIRECT, DIRECT_AUX and LEGACY_AMINO_JSON qualify,
// at any depth of a multisig; TEXTUAL, and any mode this list does not name
// (unspecified, EIP-191, a future one), take the full check.
func TestStatelessData(t *testing.T) {
	single := func(m signing.SignMode) signing.SignatureData { return &signing.SingleSignatureData{SignMode: m} }
	multi := func(ds ...signing.SignatureData) signing.SignatureData {
		return &signing.MultiSignatureData{Signatures: ds}
	}
	for name, tc := range map[string]struct {
		data signing.SignatureData
		want bool
	}{
		"direct":                   {single(signing.SignMode_SIGN_MODE_DIRECT), true},
		"direct aux":               {single(signing.SignMode_SIGN_MODE_DIRECT_AUX), true},
		"amino json":               {single(signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON), true},
		"textual":                  {single(signing.SignMode_SIGN_MODE_TEXTUAL), false},
		"unspecified":              {single(signing.SignMode_SIGN_MODE_UNSPECIFIED), false},
		"eip-191":                  {single(signing.SignMode_SIGN_MODE_EIP_191), false},
		"unknown number":           {single(signing.SignMode(99)), false},
		"multisig of pure modes":   {multi(single(signing.SignMode_SIGN_MODE_DIRECT), single(signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON)), true},
		"multisig with textual":    {multi(single(signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON), single(signing.SignMode_SIGN_MODE_TEXTUAL)), false},
		"nested textual":           {multi(single(signing.SignMode_SIGN_MODE_DIRECT), multi(single(signing.SignMode_SIGN_MODE_TEXTUAL))), false},
		"nested pure":              {multi(multi(single(signing.SignMode_SIGN_MODE_DIRECT_AUX))), true},
		"no signature data at all": {nil, false},
	} {
		require.Equal(t, tc.want, statelessData(tc.data), name)
	}
}
